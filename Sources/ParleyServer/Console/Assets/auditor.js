// The auditor's view: export a period as a signed bundle (downloaded as a
// file), verify an uploaded bundle, and the erasure receipts and legal holds.

import * as api from './api.js';
import { $, h, dateTime } from './dom.js';

let wired = false;

export async function mount() {
  if (!wired) {
    wired = true;
    $('export-form').addEventListener('submit', (event) => { event.preventDefault(); exportPeriod(); });
    $('verify-form').addEventListener('submit', (event) => { event.preventDefault(); verify(); });
    const today = new Date().toISOString().slice(0, 10);
    $('export-to').value = today;
    $('export-from').value = new Date(Date.now() - 7 * 86400000).toISOString().slice(0, 10);
  }
  await Promise.all([loadErasures(), loadHolds()]);
}

/** Saves a fetched response as a file (the server names it). */
async function save(response, fallbackName) {
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename="([^"]+)"/.exec(disposition);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: match ? match[1] : fallbackName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return { name: match ? match[1] : fallbackName, bytes: blob.size };
}

async function exportPeriod() {
  const result = $('export-result');
  const from = $('export-from').value;
  const to = $('export-to').value;
  if (!from || !to || from > to) {
    result.className = 'result bad';
    result.textContent = 'Choose a period whose start is not after its end.';
    return;
  }
  const query = new URLSearchParams({ from: `${from}T00:00:00Z`, to: `${to}T23:59:59Z`, format: $('export-format').value });
  result.className = 'result';
  result.textContent = 'Preparing the export…';
  try {
    const response = await api.request('GET', `/console/api/audit/export?${query}`, { raw: true });
    const saved = await save(response, `parley-audit.${$('export-format').value}`);
    result.className = 'result ok';
    result.textContent = `Downloaded ${saved.name} (${saved.bytes.toLocaleString()} bytes).`;
  } catch (error) {
    result.className = 'result bad';
    result.textContent = `No export: ${error.message}`;
  }
}

async function verify() {
  const output = $('verify-result');
  const file = $('verify-file').files[0];
  if (!file) {
    output.className = 'result bad';
    output.textContent = 'Choose a bundle file first.';
    return;
  }
  output.className = 'result';
  output.textContent = 'Verifying…';
  try {
    const report = await api.request('POST', '/console/api/audit/verify', { body: await file.arrayBuffer(), contentType: 'application/x-ndjson' });
    const facts = [
      ['Result', report.status === 'verified' ? 'Verified' : 'FAILED'],
      ['Entries proven', String(report.entries_verified)],
      ['Sequence', report.first_sequence ? `${report.first_sequence} to ${report.last_sequence}` : '–'],
      ['Period', report.period_from ? `${report.period_from} to ${report.period_to}` : '–'],
      ['Checkpoint size', report.tree_size ? String(report.tree_size) : '–'],
      ['Signed by key', report.key || '–'],
    ];
    if (report.failure) {
      facts.push(['Failure', `${report.failure.line ? `line ${report.failure.line}: ` : ''}${report.failure.message}`]);
    }
    output.className = `result ${report.status === 'verified' ? 'ok' : 'bad'}`;
    output.replaceChildren(h('dl', {}, facts.map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)])),
      report.warnings.length ? h('ul', {}, report.warnings.map((warning) => h('li', {}, warning))) : null);
  } catch (error) {
    output.className = 'result bad';
    output.textContent = `Not verified: ${error.message}`;
  }
}

function table(caption, headings, rows) {
  return h('div', { class: 'table-wrap' }, h('table', {}, h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading)))),
    h('tbody', {}, rows)));
}

async function loadErasures() {
  const container = $('erasures');
  try {
    const { erasures } = await api.get('/console/api/erasures');
    if (!erasures.length) {
      container.replaceChildren(h('p', { class: 'empty' }, 'No erasure requests yet.'));
      return;
    }
    container.replaceChildren(table('Erasure requests', ['Request', 'Status', 'Requested', 'Completed', 'Receipt'], erasures.map((erasure) => h('tr', {},
      h('td', {}, erasure.request_id), h('td', {}, erasure.status), h('td', {}, dateTime(erasure.requested_at)), h('td', {}, dateTime(erasure.completed_at)),
      h('td', {}, erasure.status === 'complete'
        ? h('button', { type: 'button', class: 'secondary', onclick: () => downloadReceipt(erasure.id) }, 'Download receipt', h('span', { class: 'visually-hidden' }, ` for ${erasure.request_id}`))
        : '–')))));
  } catch (error) {
    container.replaceChildren(h('p', { class: 'hint' }, error.status === 503 ? 'Erasure requests are not kept by this server.' : `Erasure requests could not be read: ${error.message}`));
  }
}

async function downloadReceipt(id) {
  try {
    await save(await api.request('GET', `/console/api/erasures/${encodeURIComponent(id)}/receipt`, { raw: true }), 'parley-erasure-receipt.jsonl');
  } catch (error) {
    $('erasures').prepend(h('p', { class: 'error', role: 'alert' }, `No receipt: ${error.message}`));
  }
}

async function loadHolds() {
  const container = $('holds');
  try {
    const { holds } = await api.get('/console/api/holds');
    if (!holds.length) {
      container.replaceChildren(h('p', { class: 'empty' }, 'No legal holds yet.'));
      return;
    }
    container.replaceChildren(table('Legal holds', ['Scope', 'Covers', 'Reason', 'Authority', 'Since', 'State'], holds.map((hold) => h('tr', {},
      h('td', {}, hold.scope), h('td', {}, hold.customer_id || hold.conversation_id || `${dateTime(hold.from)} to ${dateTime(hold.to)}`),
      h('td', {}, hold.reason), h('td', {}, hold.authority), h('td', {}, dateTime(hold.created_at)),
      h('td', {}, hold.active ? 'active' : `released ${dateTime(hold.released_at)}`)))));
  } catch (error) {
    container.replaceChildren(h('p', { class: 'hint' }, error.status === 503 ? 'Legal holds are not kept by this server.' : `Legal holds could not be read: ${error.message}`));
  }
}
