// pusher-js 8.6.0 in Node, driven by NodeClient: it connects to a Pusher-protocol server,
// subscribes to the channels named in CHANNELS (authorizing private and presence ones
// through the application's /pusher/auth as APP_USER), signs in through
// /pusher/user-auth when SIGN_IN is 'true', and prints one JSON line on standard output
// for each thing it hears. It stops when standard input closes.
import Pusher from 'pusher-js';

const env = process.env;
const key = env.PUSHER_KEY;
const port = Number(env.PUSHER_PORT);
const appUrl = env.APP_URL;
// A browser page sends its session cookie; this client sends HTTP Basic credentials.
const headers = {
  Authorization: 'Basic ' + Buffer.from(`${env.APP_USER}:${env.APP_PASSWORD}`).toString('base64'),
};

// PUSHER_TLS=true: wss to PUSHER_HOST, whose certificate Node trusts (NODE_EXTRA_CA_CERTS)
function connect() {
  if (env.PUSHER_TLS === 'true') {
    // tag::tls-client[]
    return new Pusher(key, {
      cluster: 'self-hosted', // required by pusher-js, unused once wsHost is set
      wsHost: env.PUSHER_HOST, // the name soketi's certificate is issued for
      wssPort: port,
      forceTLS: true,
      enabledTransports: ['ws'], // with forceTLS, ws means wss
      channelAuthorization: { endpoint: `${appUrl}/pusher/auth`, transport: 'ajax', headers },
      userAuthentication: { endpoint: `${appUrl}/pusher/user-auth`, transport: 'ajax', headers },
    });
    // end::tls-client[]
  }
  // tag::client[]
  const pusher = new Pusher(key, {
    cluster: 'local', // required by pusher-js, unused once wsHost is set
    wsHost: '127.0.0.1',
    wsPort: port,
    forceTLS: false,
    enabledTransports: ['ws'],
    channelAuthorization: { endpoint: `${appUrl}/pusher/auth`, transport: 'ajax', headers },
    userAuthentication: { endpoint: `${appUrl}/pusher/user-auth`, transport: 'ajax', headers },
  });
  // end::client[]
  return pusher;
}

const pusher = connect();

function print(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

pusher.connection.bind('connected', () => print({ type: 'connected', socketId: pusher.connection.socket_id }));
pusher.connection.bind('error', (error) => print({ type: 'connection_error', error: JSON.stringify(error) }));

pusher.connection.bind('message', (message) => {
  if (message.event === 'pusher:signin_success') {
    const user = JSON.parse(message.data.user_data);
    print({ type: 'signed_in', userId: user.id, watchlist: user.watchlist ?? [] });
  }
});

if (env.SIGN_IN === 'true') {
  // tag::watchlist[]
  pusher.signin();
  const watchlistEvent = (event) => print({ type: 'watchlist', name: event.name, userIds: event.user_ids });
  pusher.user.watchlist.bind('online', watchlistEvent);
  pusher.user.watchlist.bind('offline', watchlistEvent);
  // end::watchlist[]
}

for (const name of (env.CHANNELS ?? '').split(',').filter((channel) => channel.length > 0)) {
  const channel = pusher.subscribe(name);
  channel.bind('pusher:subscription_succeeded', (data) =>
    print({ type: 'subscribed', channel: name, members: data?.count }));
  channel.bind('pusher:subscription_error', (error) =>
    print({ type: 'subscription_error', channel: name, status: error.status }));
  // tag::subscription-count[]
  channel.bind('pusher:subscription_count', (data) =>
    print({ type: 'subscription_count', channel: name, count: data.subscription_count }));
  // end::subscription-count[]
  channel.bind_global((event, data) => {
    if (!event.startsWith('pusher:')) {
      print({ type: 'event', channel: name, event, data });
    }
  });
}

setTimeout(() => process.exit(2), Number(env.TIMEOUT_MS ?? 60000)).unref();
process.stdin.on('end', () => {
  pusher.disconnect();
  process.exit(0);
});
process.stdin.resume();
