// The learning loop's review queue: turns the bot was unsure of (low
// confidence, ambiguous, fallback, handed off), with their redacted text, to
// label with the intent they had (or propose a new one) or dismiss. A label
// feeds the next `parley learn`.

import * as api from './api.js';
import { h, dateTime, announce } from './dom.js';

export const id = 'review';
export const title = 'Review queue';

const reasons = {
  low_confidence: 'low confidence',
  ambiguous: 'two intents close',
  fallback: 'not understood',
  handoff: 'handed to people',
};

export async function mount(container) {
  const list = h('div', {});
  container.replaceChildren(
    h('p', { class: 'hint' }, 'Messages the bot was unsure of, redacted. Label each with the intent it had; the next training learns from it.'),
    list);
  let intents = [];
  try {
    intents = (await api.get('/console/api/domain')).intents;
  } catch (error) {
    list.replaceChildren(h('p', { class: 'error' }, `The intents could not be read: ${error.message}`));
    return;
  }

  function item(entry) {
    const selectID = `review-intent-${entry.id}`;
    const newID = `review-new-${entry.id}`;
    const select = h('select', { id: selectID },
      h('option', { value: '' }, 'Choose…'),
      // Nothing chosen for the agent: a preselected guess invites confirming the bot's mistake.
      intents.map((intent) => h('option', { value: intent }, intent)),
      h('option', { value: '__new__' }, 'A new intent…'));
    const proposed = h('input', { id: newID, type: 'text', pattern: '[a-z][a-z0-9_]*', maxlength: 64, autocomplete: 'off' });
    const proposedField = h('div', { hidden: true }, h('label', { for: newID }, 'New intent name'), proposed);
    select.addEventListener('change', () => { proposedField.hidden = select.value !== '__new__'; });
    const row = h('li', { class: 'review-item', 'data-review-id': entry.id },
      h('p', { class: 'review-text' }, entry.text ?? '(erased)'),
      h('p', { class: 'hint' },
        `${reasons[entry.reason] ?? entry.reason}`,
        entry.predicted_intent ? `; the bot guessed ${entry.predicted_intent}` : '',
        entry.confidence != null ? ` (${Math.round(entry.confidence * 100)} %)` : '',
        entry.occurrences > 1 ? `; seen ${entry.occurrences} times` : '',
        `; ${dateTime(entry.last_seen_at)}`),
      h('form', { class: 'inline-form', novalidate: true, onsubmit: (event) => { event.preventDefault(); label(); } },
        h('div', {}, h('label', { for: selectID }, 'Intent'), select),
        proposedField,
        h('button', { type: 'submit' }, 'Label'),
        h('button', { type: 'button', class: 'secondary', onclick: () => dismiss() }, 'Dismiss')));

    async function label() {
      const isNew = select.value === '__new__';
      const intent = isNew ? proposed.value.trim() : select.value;
      if (!intent) {
        announce('Choose the intent the message had.', { error: true });
        (isNew ? proposed : select).focus();
        return;
      }
      try {
        await api.post(`/console/api/review/${encodeURIComponent(entry.id)}/label`, isNew ? { intent, new_intent: true } : { intent });
        row.remove();
        announce(isNew ? `Labelled; ${intent} is proposed as a new intent.` : `Labelled as ${intent}.`);
      } catch (error) {
        announce(`Not labelled: ${error.message}`, { error: true });
      }
    }

    async function dismiss() {
      try {
        await api.post(`/console/api/review/${encodeURIComponent(entry.id)}/dismiss`);
        row.remove();
        announce('Dismissed without a label.');
      } catch (error) {
        announce(`Not dismissed: ${error.message}`, { error: true });
      }
    }
    return row;
  }

  try {
    const page = await api.get('/console/api/review?limit=50');
    const counts = Object.entries(page.open).filter(([, count]) => count > 0);
    const total = counts.reduce((sum, [, count]) => sum + count, 0);
    const summary = `${total} open: ${counts.map(([reason, count]) => `${count} ${reasons[reason] ?? reason}`).join(', ')}`
      + (page.next != null ? `; the oldest ${page.items.length} are shown.` : '.');
    list.replaceChildren(page.items.length
      ? h('div', {}, h('p', { id: 'review-summary' }, summary), h('ul', { class: 'review-list' }, page.items.map(item)))
      : h('p', { class: 'empty' }, 'Nothing to review.'));
  } catch (error) {
    list.replaceChildren(h('p', { class: 'error' }, `The review queue could not be read: ${error.message}`));
  }
}
