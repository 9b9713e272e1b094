// The live session's presence channel: who is online (name, initials and role come from
// the server's @PusherChannel authorizer), "typing…" and questions as client events, the
// session starting and ending, and the assessment summary.
import { post } from './api.js';
import { $, item, onSubmit, prepend, setText } from './dom.js';

const TYPING_SHOWN_MS = 3000;
const TYPING_SENT_EVERY_MS = 1000;

export function liveSession(pusher, sessionId, isTeacher) {
  const name = `presence-session-${sessionId}`;
  $('session-channel').textContent = name;
  const channel = pusher.subscribe(name);
  showMembers(channel);
  showTyping(channel);
  showQuestions(channel);
  channel.bind('session.started', () => showStatus(true));
  channel.bind('session.ended', () => showStatus(false));
  channel.bind('assessment.completed', ({ responses, understood, percentUnderstood }) => {
    $('assessment').textContent = `Assessment: ${understood} of ${responses} understood (${percentUnderstood}%)`;
  });
  if (isTeacher) {
    // session.started leaves out this page (toOthers): the answer shows it here
    $('start-session').addEventListener('click', () =>
      post(`/api/sessions/${sessionId}/start`).then(() => showStatus(true)));
    $('end-session').addEventListener('click', () => post(`/api/sessions/${sessionId}/end`));
  }
  else {
    const checkIn = (understood) => post(`/api/sessions/${sessionId}/check-ins`, { understood })
      .then(() => { $('assessment').textContent = 'Thanks, your answer is in'; })
      .catch((error) => { $('assessment').textContent = error.message; });
    $('understood').addEventListener('click', () => checkIn(true));
    $('lost').addEventListener('click', () => checkIn(false));
  }
}

function showStatus(live) {
  setText('session-status', live ? 'live' : 'ended', live ? 'badge live' : 'badge');
  if (live) {
    $('assessment').textContent = '';
  }
}

function showMembers(channel) {
  const render = () => {
    const list = $('members');
    list.replaceChildren();
    channel.members.each(({ id, info }) => {
      const li = document.createElement('li');
      li.dataset.userId = id;
      const avatar = document.createElement('span');
      avatar.className = 'avatar';
      avatar.textContent = info.initials;
      const role = document.createElement('span');
      role.className = 'role';
      role.textContent = info.role;
      li.append(avatar, info.name, role);
      list.append(li);
    });
  };
  channel.bind('pusher:subscription_succeeded', render);
  channel.bind('pusher:member_added', render);
  channel.bind('pusher:member_removed', render);
}

function showTyping(channel) {
  let hideTimer;
  channel.bind('client-typing', ({ name }) => {
    $('typing').textContent = `${name} is typing…`;
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => { $('typing').textContent = ''; }, TYPING_SHOWN_MS);
  });
  let lastSent = 0;
  $('question').addEventListener('input', () => {
    const now = Date.now();
    if (now - lastSent > TYPING_SENT_EVERY_MS && channel.subscribed) {
      lastSent = now;
      channel.trigger('client-typing', { name: channel.members.me.info.name });
    }
  });
}

function showQuestions(channel) {
  const show = ({ name, text }) => prepend($('questions'), item(`${name}: ${text}`));
  channel.bind('client-question', show);
  onSubmit('question-form', async () => {
    const text = $('question').value.trim();
    if (text && channel.subscribed) {
      const question = { name: channel.members.me.info.name, text };
      channel.trigger('client-question', question);
      // client events are not echoed to their sender
      show(question);
      $('question').value = '';
    }
  });
}
