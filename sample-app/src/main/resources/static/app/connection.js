// pusher-js, configured from the server's /api/client-config; the connection's state,
// a reconnect button, and the round trip of pusher:ping and pusher:pong.
import { pageHeaders } from './api.js';
import { $, setText } from './dom.js';

const LATENCY_INTERVAL_MS = 10000;

export function connect(settings) {
  // tag::connect[]
  const options = {
    cluster: settings.cluster,
    forceTLS: settings.forceTLS,
    channelAuthorization: { endpoint: '/pusher/auth', transport: 'ajax', headersProvider: pageHeaders },
    userAuthentication: { endpoint: '/pusher/user-auth', transport: 'ajax', headersProvider: pageHeaders },
  };
  if (settings.wsHost) {
    Object.assign(options, {
      wsHost: settings.wsHost, wsPort: settings.wsPort, wssPort: settings.wsPort,
      enabledTransports: settings.forceTLS ? ['wss'] : ['ws'],
    });
  }
  const pusher = new Pusher(settings.key, options);
  // end::connect[]
  // signed in, the page hears what is sent to its user, and its user can be disconnected
  pusher.signin();
  showState(pusher);
  showWhenEnded(pusher);
  measureLatency(pusher);
  $('reconnect').addEventListener('click', () => {
    $('connection-ended').hidden = true;
    pusher.disconnect();
    pusher.connect();
  });
  return pusher;
}

function showState(pusher) {
  const show = (current) => setText('connection-state', current, `state ${current}`);
  show(pusher.connection.state);
  pusher.connection.bind('state_change', ({ current }) => show(current));
}

// Pusher closes a terminated user's connections with 4009, and pusher-js does not reconnect
function showWhenEnded(pusher) {
  pusher.connection.bind('error', (error) => {
    if (error?.data?.code === 4009) {
      $('connection-ended').textContent = 'Your connection was ended by the classroom';
      $('connection-ended').hidden = false;
    }
  });
}

function measureLatency(pusher) {
  let sentAt = null;
  const ping = () => {
    if (pusher.connection.state === 'connected') {
      sentAt = performance.now();
      pusher.send_event('pusher:ping', {});
    }
  };
  pusher.connection.bind('message', (message) => {
    if (message.event === 'pusher:pong' && sentAt !== null) {
      $('latency').textContent = `${Math.round(performance.now() - sentAt)} ms`;
      sentAt = null;
    }
  });
  pusher.connection.bind('connected', ping);
  pusher.connection.bind('state_change', ({ current }) => {
    if (current !== 'connected') {
      $('latency').textContent = '–';
    }
  });
  setInterval(ping, LATENCY_INTERVAL_MS);
}
