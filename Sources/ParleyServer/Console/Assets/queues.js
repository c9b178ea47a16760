// Every queue with its waiting and claimed conversations, oldest first, kept
// current by the event stream. Only ids, reasons, rules and times: no text.

import * as api from './api.js';
import { h, waited, announce } from './dom.js';

export function createQueues({ container, onOpen }) {
  let queues = [];
  const handoffs = new Map();
  let selected = null;

  async function load({ background = false } = {}) {
    const answer = await api.get('/console/api/queues', { background });
    queues = answer.queues;
    handoffs.clear();
    for (const handoff of answer.handoffs) handoffs.set(handoff.conversation_id, handoff);
    render();
  }

  function apply(handoff) {
    const known = handoffs.has(handoff.conversation_id);
    if (handoff.status === 'resolved') handoffs.delete(handoff.conversation_id);
    else handoffs.set(handoff.conversation_id, handoff);
    if (!known && handoff.status === 'waiting') {
      const queue = queues.find((q) => q.name === handoff.queue);
      announce(`New conversation waiting in ${queue ? queue.description : handoff.queue}.`);
    }
    render();
  }

  function ordered() {
    return [...handoffs.values()].sort((a, b) => a.created_at.localeCompare(b.created_at));
  }

  function render() {
    const focusedID = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.conversation : null;
    const now = Date.now();
    const sections = queues.map((queue) => {
      const items = ordered().filter((handoff) => handoff.queue === queue.name);
      const waiting = items.filter((handoff) => handoff.status === 'waiting').length;
      const claimed = items.length - waiting;
      const titleID = `queue-${queue.name}`;
      return h('section', { class: 'queue', 'aria-labelledby': titleID },
        h('h3', { id: titleID }, queue.description || queue.name, h('span', { class: 'counts' }, `${waiting} waiting, ${claimed} claimed`)),
        items.length
          ? h('ol', {}, items.map((handoff) => h('li', {}, item(handoff, now))))
          : h('p', { class: 'empty' }, 'Nobody waiting.'));
    });
    container.replaceChildren(...sections);
    if (focusedID) {
      const again = container.querySelector(`[data-conversation="${CSS.escape(focusedID)}"]`);
      if (again) again.focus();
    }
  }

  function item(handoff, now) {
    const claimed = handoff.status === 'claimed';
    return h('button', {
      type: 'button', class: `handoff${claimed ? ' claimed' : ''}`, 'data-conversation': handoff.conversation_id,
      'aria-current': handoff.conversation_id === selected ? 'true' : false,
      onclick: () => open(handoff.conversation_id),
    },
    h('span', { class: 'line1' }, h('span', {}, handoff.conversation_id), h('span', { class: 'waited' }, `waiting ${waited(handoff.created_at, now)}`)),
    h('span', { class: 'line2' }, `${handoff.reason} · rule ${handoff.rule}`),
    h('span', { class: 'line3' }, claimed ? `Held by ${handoff.claimed_by_name || 'an agent'}` : 'Not claimed'));
  }

  function open(conversationID) {
    selected = conversationID;
    render();
    onOpen(conversationID);
  }

  /** The next (+1) or previous (-1) conversation in queue order. */
  function step(direction) {
    const list = queues.flatMap((queue) => ordered().filter((handoff) => handoff.queue === queue.name));
    if (!list.length) return;
    const index = list.findIndex((handoff) => handoff.conversation_id === selected);
    const next = list[(index + direction + list.length) % list.length] || list[0];
    open(next.conversation_id);
    const button = container.querySelector(`[data-conversation="${CSS.escape(next.conversation_id)}"]`);
    if (button) button.focus();
  }

  function find(conversationID) {
    return handoffs.get(conversationID);
  }

  function clear() {
    queues = [];
    handoffs.clear();
    selected = null;
    container.replaceChildren();
  }

  // Waiting times move on by themselves.
  const ticker = setInterval(() => { if (queues.length) render(); }, 30000);

  return { load, apply, step, find, clear, render, stop: () => clearInterval(ticker) };
}
