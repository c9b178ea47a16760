// The console's entry point: sign-in and sign-out, and the view of the
// signed-in role (agent workspace, auditor, administrator).

import * as api from './api.js';
import { $, show, announce } from './dom.js';
import * as shortcuts from './shortcuts.js';
import { createQueues } from './queues.js';
import { createConversation } from './conversation.js';
import { connect } from './events.js';
import * as auditor from './auditor.js';
import * as admin from './admin.js';

const views = ['sign-in-view', 'agent-view', 'auditor-view', 'admin-view'];
let session = null;
let teardown = [];

function showView(id) {
  for (const view of views) show($(view), view === id);
}

async function boot() {
  shortcuts.init($('shortcuts-toggle'), (on) => announce(on ? 'Keyboard shortcuts on: c claim, r reply, e resolve, j and k next and previous conversation.' : 'Keyboard shortcuts off.'));
  $('sign-in-form').addEventListener('submit', (event) => { event.preventDefault(); signIn(); });
  $('sign-out').addEventListener('click', () => signOut());
  api.whenSessionEnds((code) => {
    if (session) end(code === 'session_expired' ? 'session-ended' : 'sign-in');
  });
  const ending = endings[window.location.hash.slice(1)] || '';
  if (window.location.hash) window.history.replaceState(null, '', '/console');
  try {
    start(await api.get('/console/api/session', { quiet401: true }));
  } catch {
    showSignIn(ending);
    if (ending) announce(ending);
  }
}

function showSignIn(message) {
  show($('who'), false);
  showView('sign-in-view');
  $('sign-in-error').textContent = message;
  $('token').focus();
}

async function signIn() {
  const field = $('token');
  const token = field.value.trim();
  if (!token) {
    $('sign-in-error').textContent = 'Paste your access token.';
    field.focus();
    return;
  }
  try {
    const answer = await api.post('/console/api/session', { token }, { quiet401: true });
    field.value = '';
    start(answer);
  } catch (error) {
    field.value = '';
    $('sign-in-error').textContent = error.message;
    field.focus();
  }
}

async function signOut() {
  try {
    await api.del('/console/api/session', { quiet401: true });
  } catch {
    // Already ended on the server: the page forgets it all the same.
  }
  end('signed-out');
}

const endings = { 'signed-out': 'You are signed out.', 'session-ended': 'Your session ended. Sign in again.', 'sign-in': 'Please sign in again.' };

/**
 * Forgets everything the page showed: it is loaded afresh, so no customer
 * text stays in its memory and the next sign-in starts from a clean page.
 * Only the reason (one of `endings`) goes in the URL.
 */
function end(reason) {
  session = null;
  api.setCSRFToken(null);
  for (const stop of teardown) stop();
  teardown = [];
  window.location.replace(`/console#${reason}`);
  window.location.reload();
}

async function start(answer) {
  session = answer;
  api.setCSRFToken(answer.csrf_token);
  $('who-name').textContent = answer.name;
  $('who-role').textContent = answer.role;
  show($('who'), true);
  show($('shortcut-setting'), answer.role === 'agent');
  announce(`Signed in as ${answer.name} (${answer.role}).`);
  try {
    if (answer.role === 'agent') await startAgent();
    else if (answer.role === 'auditor') { showView('auditor-view'); await auditor.mount(); }
    else { showView('admin-view'); await admin.mount(); }
    $('main').focus();
  } catch (error) {
    announce(`The view could not be loaded: ${error.message}`, { error: true });
  }
}

async function startAgent() {
  showView('agent-view');
  const domain = await api.get('/console/api/domain');
  const conversation = createConversation({ session, domain });
  const queues = createQueues({ container: $('queue-list'), onOpen: (id) => conversation.open(id) });
  await queues.load();
  const liveState = $('live-state');
  const stopEvents = connect({
    // Reads after a live event are the page's, not the agent's: they do not renew the idle limit.
    onHandoff: (handoff) => {
      queues.apply(handoff);
      if (conversation.isOpen(handoff.conversation_id)) conversation.refresh({ background: true });
    },
    onTurn: (turn) => { if (conversation.isOpen(turn.conversation_id)) conversation.refresh({ background: true }); },
    onNote: (note) => { if (conversation.isOpen(note.conversation_id)) conversation.refresh({ background: true }); },
    onReload: () => { queues.load({ background: true }); conversation.refresh({ background: true }); },
    onState: (state) => {
      liveState.textContent = state === 'live' ? 'Live: updates appear as they happen.' : state === 'reconnecting' ? 'Reconnecting…' : 'Live updates stopped.';
      liveState.classList.toggle('live', state === 'live');
    },
    onClosed: async () => {
      try {
        await api.get('/console/api/session');
        announce('Live updates stopped; reload the page to resume them.', { error: true });
      } catch {
        // whenSessionEnds took care of it.
      }
    },
  });
  shortcuts.bind({
    c: () => conversation.claim(),
    r: () => conversation.focusReply(),
    e: () => conversation.focusResolve(),
    j: () => queues.step(1),
    k: () => queues.step(-1),
  });
  teardown.push(stopEvents, () => queues.stop(), () => queues.clear(), () => conversation.close());
}

boot();
