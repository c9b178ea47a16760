// One conversation: the redacted transcript (an ARIA live log), the customer
// panel, claim, reply with canned responses, internal notes and resolve.

import * as api from './api.js';
import { $, h, show, announce, clock, dateTime } from './dom.js';
import { appendTurns, lastSeq } from './transcript.js';

export function createConversation({ session, domain }) {
  const transcript = $('transcript');
  let current = null; // { id, handoff }
  let pending = null; // a reply waiting for confirmation

  fillDomain();
  $('claim').addEventListener('click', () => claim());
  $('insert-canned').addEventListener('click', insertCanned);
  $('reply-form').addEventListener('submit', (event) => { event.preventDefault(); sendReply(); });
  $('reply-text').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); sendReply(); }
  });
  $('note-form').addEventListener('submit', (event) => { event.preventDefault(); addNote(); });
  $('resolve-form').addEventListener('submit', (event) => { event.preventDefault(); resolve(); });
  $('resolve-intent').addEventListener('change', () => show($('new-intent-field'), $('resolve-intent').value === '__new__'));
  $('confirm-send').addEventListener('click', () => { $('confirm-dialog').close('send'); });
  $('confirm-cancel').addEventListener('click', () => { $('confirm-dialog').close('cancel'); });
  $('confirm-dialog').addEventListener('close', () => {
    const confirmed = $('confirm-dialog').returnValue === 'send';
    const reply = pending;
    pending = null;
    if (confirmed && reply) sendReply(reply.seen);
    else $('reply-text').focus();
  });

  function fillDomain() {
    const canned = $('canned');
    canned.replaceChildren(h('option', { value: '' }, 'Choose a response…'),
      ...domain.responses.map((response, index) => h('option', { value: String(index) }, `${response.name}: ${response.text}`)));
    const intents = $('resolve-intent');
    intents.replaceChildren(h('option', { value: '' }, 'Choose the intent…'),
      ...domain.intents.map((intent) => h('option', { value: intent }, intent)),
      domain.new_intents ? h('option', { value: '__new__' }, 'A new intent…') : null);
  }

  async function open(conversationID) {
    current = { id: conversationID, handoff: null };
    transcript.replaceChildren();
    $('notes').replaceChildren();
    $('reply-text').value = '';
    $('resolve-note').value = '';
    $('note-text').value = '';
    show($('conversation-empty'), false);
    show($('conversation-body'), true);
    try {
      const workspace = await api.get(api.conversationPath(conversationID));
      if (!current || current.id !== conversationID) return;
      render(workspace, { panel: true });
      $('conversation-title').focus();
    } catch (error) {
      announce(`The conversation could not be opened: ${error.message}`, { error: true });
    }
  }

  /** Reads the conversation again (after an event: `background`, not the agent's activity): new turns are appended, the rest replaced. */
  async function refresh({ background = false } = {}) {
    if (!current) return;
    const id = current.id;
    try {
      const workspace = await api.get(api.conversationPath(id, '?panel=false'), { background });
      if (current && current.id === id) render(workspace, { panel: false, fresh: true });
    } catch (error) {
      announce(`The conversation could not be refreshed: ${error.message}`, { error: true });
    }
  }

  function render(workspace, { panel, fresh = false }) {
    current.handoff = workspace.handoff || null;
    $('conversation-title').textContent = `Conversation ${workspace.transcript.conversation_id}`;
    renderFacts(workspace);
    appendTurns(transcript, workspace.transcript.turns, domain.pii_types, { fresh });
    renderNotes(workspace.notes);
    renderState();
    if (panel) renderCustomer(workspace);
  }

  function renderFacts(workspace) {
    const handoff = workspace.handoff;
    const facts = [['Status', workspace.transcript.status]];
    if (handoff) facts.push(['Queue', handoff.queue], ['Reason', handoff.reason], ['Rule', handoff.rule], ['Since', dateTime(handoff.created_at)]);
    $('conversation-facts').replaceChildren(...facts.flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]));
  }

  function renderState() {
    const handoff = current && current.handoff;
    const mine = handoff && handoff.status === 'claimed' && handoff.claimed_by === session.token_id;
    const other = handoff && handoff.status === 'claimed' && !mine;
    const holder = $('holder');
    holder.className = `holder${mine ? ' mine' : other ? ' other' : ''}`;
    if (!handoff) holder.textContent = 'Resolved: the bot has this conversation again.';
    else if (mine) holder.textContent = 'You hold this conversation.';
    else if (other) holder.textContent = `Held by ${handoff.claimed_by_name || 'another agent'} since ${clock(handoff.claimed_at)}.`;
    else holder.textContent = 'Waiting for an agent. Claim it to reply.';
    const claimButton = $('claim');
    claimButton.disabled = !handoff || handoff.status !== 'waiting';
    claimButton.textContent = mine ? 'Claimed' : 'Claim';
    $('reply-fields').disabled = !mine;
    $('resolve-fields').disabled = !mine;
  }

  function renderNotes(notes) {
    $('notes').replaceChildren(...(notes.length
      ? notes.map((note) => h('li', {},
        h('p', { class: 'meta' }, `${note.author_name || note.author} · ${dateTime(note.at)}`),
        h('p', {}, note.text === null ? h('span', { class: 'erased' }, 'Text erased') : note.text)))
      : [h('li', { class: 'empty' }, 'No notes yet.')]));
  }

  function renderCustomer(workspace) {
    const body = $('customer-body');
    const customer = workspace.customer;
    if (!customer) {
      body.replaceChildren(h('p', { class: 'hint' }, 'The conversation names no known customer.'));
      return;
    }
    const orders = workspace.orders_unavailable
      ? h('p', { class: 'hint' }, `Orders unavailable: ${workspace.orders_unavailable}`)
      : workspace.orders.length
        ? h('ul', {}, workspace.orders.map((order) => h('li', {}, `#${order.number}: ${order.status}`,
          order.placed_at ? `, placed ${dateTime(order.placed_at)}` : '', order.total ? `, ${order.total}` : '')))
        : h('p', { class: 'empty' }, 'No orders.');
    const tickets = workspace.tickets_unavailable
      ? h('p', { class: 'hint' }, `Tickets unavailable: ${workspace.tickets_unavailable}`)
      : workspace.tickets.length
        ? h('ul', {}, workspace.tickets.map((ticket) => h('li', {}, `${ticket.subject} (${ticket.status})`)))
        : h('p', { class: 'empty' }, 'No tickets.');
    body.replaceChildren(
      h('dl', {}, h('dt', {}, 'Name'), h('dd', {}, customer.name), h('dt', {}, 'Customer id'), h('dd', {}, customer.id),
        h('dt', {}, 'Tier'), h('dd', {}, customer.tier)),
      h('h3', {}, 'Recent orders'), orders, h('h3', {}, 'Tickets'), tickets);
  }

  async function claim() {
    if (!current || $('claim').disabled) return;
    try {
      await api.post(api.conversationPath(current.id, '/claim'));
      announce('Claimed. You can reply now.');
      await refresh();
      $('reply-text').focus();
    } catch (error) {
      announce(error.code === 'claimed_by_another' ? `Not claimed: ${error.message}.` : `Not claimed: ${error.message}`, { error: true });
      await refresh();
    }
  }

  function insertCanned() {
    const choice = $('canned').value;
    if (choice === '') return;
    const text = domain.responses[Number(choice)].text;
    const field = $('reply-text');
    field.value = field.value ? `${field.value} ${text}` : text;
    field.focus();
  }

  async function sendReply(seen = lastSeq(transcript)) {
    if (!current || $('reply-fields').disabled) return;
    const text = $('reply-text').value.trim();
    if (!text) {
      announce('Write a reply first.', { error: true });
      $('reply-text').focus();
      return;
    }
    try {
      await api.post(api.conversationPath(current.id, '/replies'), { text, seen_seq: seen });
      $('reply-text').value = '';
      announce('Reply sent.');
      await refresh();
    } catch (error) {
      if (error.code === 'customer_wrote_since') {
        await refresh();
        pending = { seen: lastSeq(transcript) };
        $('confirm-text').textContent = `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}. They are now in the transcript. Send your reply anyway?`;
        $('confirm-dialog').showModal();
      } else {
        announce(`Not sent: ${error.message}`, { error: true });
      }
    }
  }

  async function addNote() {
    if (!current) return;
    const text = $('note-text').value.trim();
    if (!text) {
      announce('Write the note first.', { error: true });
      $('note-text').focus();
      return;
    }
    try {
      await api.post(api.conversationPath(current.id, '/notes'), { text });
      $('note-text').value = '';
      announce('Note added.');
      await refresh();
    } catch (error) {
      announce(`Note not added: ${error.message}`, { error: true });
    }
  }

  async function resolve() {
    if (!current || $('resolve-fields').disabled) return;
    let intent = $('resolve-intent').value;
    const proposed = intent === '__new__';
    if (proposed) intent = $('new-intent').value.trim();
    if (!intent) {
      announce('Choose the intent the customer had.', { error: true });
      $('resolve-intent').focus();
      return;
    }
    const note = $('resolve-note').value.trim();
    try {
      const resolution = { intent };
      if (note) resolution.note = note;
      if (proposed) resolution.new_intent = true;
      await api.post(api.conversationPath(current.id, '/resolve'), resolution);
      announce(proposed ? `Resolved; ${intent} is proposed as a new intent for an administrator to add.` : `Resolved as ${intent}. Thank you.`);
      await refresh();
    } catch (error) {
      announce(`Not resolved: ${error.message}`, { error: true });
    }
  }

  function close() {
    current = null;
    transcript.replaceChildren();
    $('notes').replaceChildren();
    $('customer-body').replaceChildren(h('p', { class: 'hint' }, 'No conversation open.'));
    $('reply-text').value = '';
    $('note-text').value = '';
    $('resolve-note').value = '';
    show($('conversation-body'), false);
    show($('conversation-empty'), true);
  }

  return {
    open,
    refresh,
    close,
    claim,
    isOpen: (conversationID) => current !== null && current.id === conversationID,
    focusReply: () => { if (current && !$('reply-fields').disabled) $('reply-text').focus(); },
    focusResolve: () => { if (current && !$('resolve-fields').disabled) $('resolve-intent').focus(); },
  };
}
