// Small DOM helpers. Text always goes in as text nodes (never as HTML), so
// nothing a customer wrote can become markup or script.

export function $(id) {
  return document.getElementById(id);
}

/** An element with attributes, listeners (`onclick`, ...) and children. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'class') element.className = value;
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function show(element, visible) {
  element.hidden = !visible;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export function clock(iso) {
  return iso ? timeFormat.format(new Date(iso)) : '';
}

export function dateTime(iso) {
  return iso ? dateTimeFormat.format(new Date(iso)) : '–';
}

/** "4 min", "1 h 5 min": how long since `iso`. */
export function waited(iso, now = Date.now()) {
  const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60000));
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

/** A `<time>` element. */
export function time(iso, text) {
  return h('time', { datetime: iso }, text);
}

/** Announces a short message to everyone (screen readers included). */
export function announce(message, { error = false } = {}) {
  const status = $('status');
  status.textContent = message;
  status.classList.toggle('error', error);
}
