// The classroom page: loads its settings from the server, connects, and starts each part.
import { get, pageHeaders, useSocketId } from './api.js';
import { announcements } from './announcements.js';
import { connect } from './connection.js';
import { $ } from './dom.js';
import { explorer } from './explorer.js';
import { lessons } from './lessons.js';
import { notifications, privateNotes } from './notifications.js';
import { liveSession } from './session.js';
import { teacherPanel } from './teacher.js';

// Spring Security signs the page out on a POST that carries the CSRF token
$('logout-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  await fetch('logout', { method: 'POST', headers: pageHeaders() });
  location.assign('login?logout');
});

const config = await get('/api/client-config');
const { user } = config;
const isTeacher = user.role === 'TEACHER';

$('me-avatar').textContent = user.initials;
$('me-name').textContent = `${user.name} (${user.role.toLowerCase()})`;
document.querySelectorAll(isTeacher ? '.teacher-only' : '.student-only').forEach((e) => { e.hidden = false; });

const pusher = connect(config.pusher);
useSocketId(config.socketIdHeader, () => pusher.connection.socket_id);
announcements(pusher, config.classId);
const userChannel = notifications(pusher, user);
liveSession(pusher, config.sessionId, isTeacher);
explorer(pusher);
if (isTeacher) {
  await teacherPanel(pusher, config.students);
}
else {
  lessons(pusher, user, userChannel);
  privateNotes(pusher, user);
}
