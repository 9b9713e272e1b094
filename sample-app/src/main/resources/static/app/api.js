// Calls to the application: the session cookie authenticates them, the XSRF-TOKEN cookie
// goes back as X-XSRF-TOKEN (Spring Security's csrf.spa()), and the page's socket id lets
// the server leave this page out of the events it causes (@PusherEvent(toOthers = true)).
// X-Requested-With marks them as the page's own: a 401 then comes without the Basic
// challenge that would make the browser prompt for a password.

let socketIdHeader = 'X-Socket-ID';
let socketId = () => null;

export function useSocketId(header, supplier) {
  socketIdHeader = header;
  socketId = supplier;
}

export function pageHeaders() {
  const headers = { 'X-Requested-With': 'XMLHttpRequest' };
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  if (cookie) {
    headers['X-XSRF-TOKEN'] = decodeURIComponent(cookie.substring('XSRF-TOKEN='.length));
  }
  return headers;
}

export async function get(path) {
  return request('GET', path);
}

export async function post(path, body) {
  return request('POST', path, body);
}

async function request(method, path, body) {
  const headers = { Accept: 'application/json', ...pageHeaders() };
  if (socketId()) {
    headers[socketIdHeader] = socketId();
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) {
    // signed out meanwhile (the session expired, or the application restarted)
    location.assign('login');
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    // errors are ProblemDetails (application/problem+json); /pusher/auth answers {"error": ...}
    throw new Error((json && (json.detail || json.error)) || `${method} ${path}: ${response.status}`);
  }
  return json;
}
