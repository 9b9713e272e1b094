// Announcements on the public channel, posted by the teacher, shown to everyone.
import { post } from './api.js';
import { $, item, onSubmit, prepend, time } from './dom.js';

export function announcements(pusher) {
  pusher.subscribe('public-announcements').bind('announcement.posted', (announcement) => {
    prepend($('announcements'), item(`${time(announcement.postedAt)} ${announcement.author}: ${announcement.text}`));
  });
  onSubmit('announce-form', async () => {
    await post('/api/announcements', { text: $('announcement-text').value });
    $('announcement-text').value = '';
  });
}
