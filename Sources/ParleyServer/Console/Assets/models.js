// The NLU models this installation has, and which one serves.

import * as api from './api.js';
import { h } from './dom.js';

export const id = 'models';
export const title = 'Models';

export async function mount(container) {
  try {
    const { models } = await api.get('/console/api/models');
    container.replaceChildren(models.length
      ? h('ul', {}, models.map((model) => h('li', {}, model.version, model.active ? h('strong', {}, ' (active)') : '')))
      : h('p', { class: 'empty' }, 'No models yet.'));
  } catch (error) {
    container.replaceChildren(h('p', { class: 'error' }, `Models could not be read: ${error.message}`));
  }
}
