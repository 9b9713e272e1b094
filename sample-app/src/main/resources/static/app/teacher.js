// The teacher's panel about the students, one part each: who is online, from Pusher's
// watchlist, with a button that ends a student's connections; who is in which session, as
// the server knows it from verified webhooks; their tutor agents; private notes to one of them.
import { onAgentStatus } from './agents.js';
import { get, post } from './api.js';
import { $, item, onSubmit, toast } from './dom.js';

export async function teacherPanel(pusher, students) {
  watchlist(pusher, students);
  tutorAgents(pusher, students);
  noteForm(students);
  await roster(pusher);
}

async function roster(pusher) {
  // students only: the server leaves teachers out
  const show = (sessions) => $('roster').replaceChildren(...Object.entries(sessions)
    .map(([sessionId, names]) => item(`Session ${sessionId}: ${names.join(', ')}`)));
  pusher.subscribe('private-teachers').bind('roster.updated', ({ sessions }) => show(sessions));
  show((await get('/api/roster')).sessions);
}

// The teacher's watchlist is the class's students (ClassroomPusherUsers): Pusher says at
// sign-in who is offline and who is online, then each change
function watchlist(pusher, students) {
  const rows = new Map();
  for (const student of students) {
    const status = document.createElement('span');
    status.className = 'badge';
    status.textContent = 'offline';
    const end = document.createElement('button');
    end.type = 'button';
    end.textContent = 'Disconnect';
    end.dataset.userId = student.id;
    end.addEventListener('click', () => post(`/api/users/${student.id}/disconnect`)
      .then(() => toast('Disconnected', `${student.name}'s connections were ended`))
      .catch((error) => toast('Not done', error.message)));
    const row = item(`${student.name} `);
    row.dataset.userId = student.id;
    row.append(status, ' ', end);
    rows.set(student.id, status);
    $('watchlist').append(row);
  }
  // tag::watchlist[]
  const show = (online) => ({ user_ids: userIds }) => {
    for (const userId of userIds) {
      const status = rows.get(userId);
      if (status) {
        status.textContent = online ? 'online' : 'offline';
        status.className = online ? 'badge live' : 'badge';
      }
    }
  };
  pusher.user.watchlist.bind('online', show(true));
  pusher.user.watchlist.bind('offline', show(false));
  // end::watchlist[]
}

function tutorAgents(pusher, students) {
  for (const student of students) {
    const agent = item(`${student.name}'s tutor: idle`);
    $('agents').append(agent);
    onAgentStatus(pusher, student.id, (status) => { agent.textContent = `${student.name}'s tutor: ${status}`; });
  }
}

function noteForm(students) {
  for (const student of students) {
    $('note-recipient').append(new Option(student.name, student.id));
  }
  onSubmit('note-form', async () => {
    await post(`/api/users/${$('note-recipient').value}/notes`, { text: $('note-text').value });
    $('note-text').value = '';
  });
}
