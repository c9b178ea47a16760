// Access tokens: list, create (the secret is shown once, here), revoke.

import * as api from './api.js';
import { h, dateTime, announce } from './dom.js';

export const id = 'tokens';
export const title = 'Access tokens';

const roles = [
  ['agent', 'Agent (queues, conversations)'],
  ['admin', 'Administrator'],
  ['auditor', 'Auditor (audit export and verification)'],
  ['channel', 'Channel (a customer-facing widget or bridge)'],
];

export async function mount(container) {
  const list = h('div', {});
  const created = h('div', { role: 'status' });
  const role = h('select', { id: 'token-role' }, roles.map(([value, label]) => h('option', { value }, label)));
  const name = h('input', { id: 'token-name', type: 'text', maxlength: 100, autocomplete: 'off' });
  const form = h('form', { class: 'inline-form', novalidate: true, onsubmit: (event) => { event.preventDefault(); create(); } },
    h('div', {}, h('label', { for: 'token-role' }, 'Role'), role),
    h('div', {}, h('label', { for: 'token-name' }, 'Name (who or what uses it)'), name),
    h('button', { type: 'submit' }, 'Create token'));
  container.replaceChildren(h('h3', {}, 'New token'), form, created, h('h3', {}, 'Tokens'), list);

  async function create() {
    try {
      const token = await api.post('/console/api/tokens', { role: role.value, name: name.value.trim() || undefined });
      name.value = '';
      created.replaceChildren(
        h('p', {}, `Created ${token.role} token ${token.id}. Copy it now: it is shown only this once and cannot be read again.`),
        h('p', { class: 'secret', id: 'created-token' }, token.token));
      await load();
    } catch (error) {
      created.replaceChildren(h('p', { class: 'error' }, `Not created: ${error.message}`));
    }
  }

  async function revoke(token) {
    try {
      await api.post(`/console/api/tokens/${encodeURIComponent(token.id)}/revoke`);
      announce(`Token ${token.name} revoked; its sessions end at their next request.`);
      await load();
    } catch (error) {
      announce(`Not revoked: ${error.message}`, { error: true });
    }
  }

  async function load() {
    try {
      const { tokens } = await api.get('/console/api/tokens');
      list.replaceChildren(h('div', { class: 'table-wrap' }, h('table', {},
        h('caption', { class: 'visually-hidden' }, 'Access tokens'),
        h('thead', {}, h('tr', {}, ['Name', 'Role', 'Id', 'Created', 'Last used', 'State'].map((heading) => h('th', { scope: 'col' }, heading)))),
        h('tbody', {}, tokens.map((token) => h('tr', {},
          h('td', {}, token.name), h('td', {}, token.role), h('td', {}, token.id), h('td', {}, dateTime(token.created_at)),
          h('td', {}, dateTime(token.last_used_at)),
          h('td', {}, token.revoked_at
            ? `revoked ${dateTime(token.revoked_at)}`
            : h('button', { type: 'button', class: 'danger', onclick: () => revoke(token) }, 'Revoke', h('span', { class: 'visually-hidden' }, ` ${token.name}`)))))))));
    } catch (error) {
      list.replaceChildren(h('p', { class: 'error' }, `Tokens could not be read: ${error.message}`));
    }
  }

  await load();
}
