// The live session's presence channel: who is online (name, initials and role come from
// the server's @PusherChannel authorizer), "typing…" and questions as client events, the
// session starting and ending, and the assessment summary. The page asks where the
// session stands when it opens, so that a late joiner sees it live.
import { get, post } from './api.js';
import { $, item, onSubmit, prepend, setText, toast } from './dom.js';

const TYPING_SHOWN_MS = 3000;
const TYPING_SENT_EVERY_MS = 1000;
const STATUS_TEXT = { NOT_STARTED: 'not started', LIVE: 'live', ENDED: 'ended' };

export function liveSession(pusher, sessionId, isTeacher) {
  const name = `presence-session-${sessionId}`;
  $('session-channel').textContent = name;
  const channel = pusher.subscribe(name);
  const status = sessionStatus(sessionId, isTeacher);
  showMembers(channel);
  showTyping(channel);
  showQuestions(channel);
  channel.bind('session.started', () => {
    $('assessment').textContent = '';
    status.changed('LIVE');
  });
  channel.bind('session.ended', () => status.changed('ENDED'));
  channel.bind('assessment.completed', ({ responses, understood, percentUnderstood }) => {
    $('assessment').textContent = `Assessment: ${understood} of ${responses} understood (${percentUnderstood}%)`;
  });
  // where the session stands now, and again once the page is back in the channel after
  // a reconnect, when it may have missed an event
  status.load();
  channel.bind('pusher:subscription_succeeded', status.load);
  if (isTeacher) {
    const run = async (action, next) => {
      $('start-session').disabled = true;
      $('end-session').disabled = true;
      try {
        await post(`/api/sessions/${sessionId}/${action}`);
        // session.started leaves out this page (toOthers): the answer shows it here
        status.changed(next);
      }
      catch (error) {
        toast('Not done', error.message);
        status.load();
      }
    };
    $('start-session').addEventListener('click', () => run('start', 'LIVE'));
    $('end-session').addEventListener('click', () => run('end', 'ENDED'));
  }
  else {
    const checkIn = (understood) => post(`/api/sessions/${sessionId}/check-ins`, { understood })
      .then(() => { $('assessment').textContent = 'Thanks, your answer is in'; })
      .catch((error) => { $('assessment').textContent = error.message; });
    $('understood').addEventListener('click', () => checkIn(true));
    $('lost').addEventListener('click', () => checkIn(false));
  }
}

// The session's status on the page: Start only when it is not live, End and the
// students' check-in only while it is.
function sessionStatus(sessionId, isTeacher) {
  let changes = 0;
  const show = (status) => {
    const live = status === 'LIVE';
    setText('session-status', STATUS_TEXT[status], live ? 'badge live' : 'badge');
    $('start-session').disabled = live;
    $('end-session').disabled = !live;
    $('check-in').hidden = isTeacher || !live;
  };
  return {
    changed(status) {
      changes++;
      show(status);
    },
    load() {
      const seen = changes;
      get(`/api/sessions/${sessionId}`)
        .then((session) => {
          // an event that arrived meanwhile is newer than the answer
          if (changes === seen) {
            show(session.status);
          }
        })
        .catch((error) => toast('Live session', error.message));
    },
  };
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
