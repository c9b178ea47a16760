// Keyboard shortcuts for the frequent actions. Single keys, so they can be
// turned off (WCAG 2.1.4); they never fire while typing in a field. The
// setting is the only thing the console keeps in the browser's storage.

const storageKey = 'parley.console.shortcuts';
let bindings = {};

export function enabled() {
  try {
    return localStorage.getItem(storageKey) !== 'off';
  } catch {
    return true;
  }
}

function isTyping(target) {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function init(toggle, onChange) {
  toggle.checked = enabled();
  toggle.addEventListener('change', () => {
    try {
      localStorage.setItem(storageKey, toggle.checked ? 'on' : 'off');
    } catch {
      // Storage refused: the setting lasts until the page is reloaded.
    }
    onChange(toggle.checked);
  });
  document.addEventListener('keydown', (event) => {
    if (!toggle.checked || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    const action = bindings[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
}

/** Replaces the active shortcuts: `{ key: action }`. */
export function bind(map) {
  bindings = map;
}
