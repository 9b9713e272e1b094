// Try to subscribe to any channel: the server's authorizers grant or refuse it. Channels
// the page itself uses are left as they are; the explorer's own are dropped after the try.
import { $, onSubmit, setText } from './dom.js';

export function explorer(pusher) {
  onSubmit('explorer-form', async () => {
    const name = $('channel-name').value.trim();
    const show = (text, className) => setText('channel-result', text, className);
    const existing = pusher.channel(name);
    if (existing && existing.subscribed) {
      show(`Subscribed to ${name}`, 'granted');
      return;
    }
    show(`Subscribing to ${name}…`, '');
    const channel = pusher.subscribe(name);
    const granted = () => finish(`Subscribed to ${name}`, 'granted');
    const refused = ({ status }) => finish(`Refused: ${name} (${status ?? 'error'})`, 'refused');
    const finish = (text, className) => {
      show(text, className);
      channel.unbind('pusher:subscription_succeeded', granted);
      channel.unbind('pusher:subscription_error', refused);
      if (!existing) {
        pusher.unsubscribe(name);
      }
    };
    channel.bind('pusher:subscription_succeeded', granted);
    channel.bind('pusher:subscription_error', refused);
  });
}
