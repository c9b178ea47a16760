// The redacted transcript: each turn as a list item of the ARIA live log;
// PII placeholders ([EMAIL], [CREDIT_CARD:1f2e...]) as badges naming the type only.

import { h, clock, time } from './dom.js';

const roleNames = { customer: 'Customer', bot: 'Bot', agent: 'Agent' };

/** The text with every known placeholder as a badge. */
export function withBadges(text, piiTypes) {
  if (!piiTypes.length) return [text];
  const pattern = new RegExp(`\\[(${piiTypes.join('|')})(?::[0-9a-fA-F]+)?\\]`, 'g');
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    const label = match[1].replaceAll('_', ' ').toLowerCase();
    parts.push(h('span', { class: 'pii', title: `Redacted ${label}` }, h('span', { class: 'visually-hidden' }, 'redacted '), match[1].replaceAll('_', ' ')));
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

export function turnItem(turn, piiTypes, { fresh = false } = {}) {
  const body = turn.text === null || turn.text === undefined
    ? h('p', { class: 'text erased' }, 'Text erased')
    : h('p', { class: 'text' }, withBadges(turn.text, piiTypes));
  return h('li', { class: `turn ${turn.role}${fresh ? ' new' : ''}`, 'data-seq': turn.seq },
    h('p', { class: 'who' }, h('span', {}, roleNames[turn.role] || turn.role), time(turn.at, clock(turn.at))),
    body);
}

/** Appends the turns after the last one shown (the log announces only those). */
export function appendTurns(list, turns, piiTypes, { fresh = false } = {}) {
  const shown = lastSeq(list);
  let added = 0;
  for (const turn of turns) {
    if (turn.seq <= shown) continue;
    list.append(turnItem(turn, piiTypes, { fresh }));
    added += 1;
  }
  if (added) list.lastElementChild.scrollIntoView({ block: 'nearest' });
  return added;
}

export function lastSeq(list) {
  const last = list.lastElementChild;
  return last ? Number(last.dataset.seq) : 0;
}
