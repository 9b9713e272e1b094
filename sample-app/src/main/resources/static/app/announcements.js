// Announcements: to the class on its channel (posted by a script, as the guide's curl
// does, or by the application), and to everyone on the public channel (posted by the
// teacher from this page). Both are public channels: no authorization needed.
import { post } from './api.js';
import { $, item, onSubmit, prepend, time } from './dom.js';

export function announcements(pusher, classId) {
  const classChannel = `class-${classId}`;
  $('announcement-channels').textContent = `${classChannel} · public-announcements`;
  const show = (text) => prepend($('announcements'), item(text));
  pusher.subscribe(classChannel).bind('announcement.posted', (announcement) => {
    show(`${time(announcement.postedAt)} Class ${announcement.classId}: ${announcement.text}`);
  });
  pusher.subscribe('public-announcements').bind('announcement.posted', (announcement) => {
    show(`${time(announcement.postedAt)} ${announcement.author}: ${announcement.text}`);
  });
  onSubmit('announce-form', async () => {
    await post('/api/announcements', { text: $('announcement-text').value });
    $('announcement-text').value = '';
  });
}
