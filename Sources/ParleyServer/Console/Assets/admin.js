// The administrator's view: one panel a module. A panel is
// `{ id, title, mount(container) }`.

import { $, h } from './dom.js';
import * as tokens from './tokens.js';
import * as models from './models.js';
import * as review from './review.js';

const panels = [tokens, models, review];

export async function mount() {
  const container = $('admin-panels');
  container.replaceChildren();
  for (const panel of panels) {
    const body = h('div', {});
    container.append(h('section', { class: 'panel', 'aria-labelledby': `${panel.id}-title` }, h('h2', { id: `${panel.id}-title` }, panel.title), body));
    await panel.mount(body);
  }
}
