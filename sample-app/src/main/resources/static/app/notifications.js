// The user's private channel carries notifications (shown as toasts), lesson progress and
// lessons; private notes arrive on an end-to-end encrypted channel, decrypted by pusher-js.
import { $, item, prepend, time, toast } from './dom.js';

export function notifications(pusher, user) {
  const channel = pusher.subscribe(`private-user-${user.id}`);
  channel.bind('user.notification', (notification) => toast(notification.title, notification.text));
  return channel;
}

export function privateNotes(pusher, user) {
  const name = `private-encrypted-user-${user.id}`;
  $('notes-channel').textContent = name;
  const channel = pusher.subscribe(name);
  channel.bind('note.sent', (note) => prepend($('notes'), item(`${time(note.sentAt)} ${note.from}: ${note.text}`)));
  channel.bind('pusher:subscription_error', ({ status }) => {
    prepend($('notes'), item(`Private notes are off (${status}): the server needs pusher.encryption-master-key.`, 'refused'));
  });
}
