// The console's calls to its server: same origin, the session cookie sent by
// the browser, and the session's CSRF token on every state-changing request.
// The token lives in this module's memory only (never in storage or a URL).

let csrfToken = null;
let onSessionEnded = () => {};

export class APIError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function setCSRFToken(token) {
  csrfToken = token;
}

/** Called when the server says the session is gone (expired, revoked, signed out elsewhere). */
export function whenSessionEnds(handler) {
  onSessionEnded = handler;
}

export async function request(method, path, { json, body, contentType, raw = false, quiet401 = false, background = false } = {}) {
  const headers = { Accept: 'application/json' };
  // A read the page makes by itself (after a live event) does not keep the session from idling out.
  if (background) headers['X-Console-Activity'] = 'background';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let payload;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(json);
  } else if (body !== undefined) {
    headers['Content-Type'] = contentType || 'application/octet-stream';
    payload = body;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store', redirect: 'error' });
  } catch {
    throw new APIError(0, 'network', 'The server cannot be reached. Check the connection and try again.');
  }
  if (!response.ok) {
    let code = 'http_error';
    let message = `The server answered ${response.status}.`;
    try {
      const error = (await response.json()).error;
      if (error && error.code) code = error.code;
      if (error && error.message) message = error.message;
    } catch {
      // Not the JSON error shape: keep the status.
    }
    if (response.status === 401 && !quiet401) onSessionEnded(code);
    throw new APIError(response.status, code, message);
  }
  if (raw) return response;
  if (response.status === 204) return null;
  return response.json();
}

export const get = (path, options) => request('GET', path, options);
export const post = (path, json, options = {}) => request('POST', path, { ...options, json });
export const del = (path, options) => request('DELETE', path, options);

/** `/console/api/conversations/{id}/...` with the id escaped. */
export function conversationPath(id, rest = '') {
  return `/console/api/conversations/${encodeURIComponent(id)}${rest}`;
}
