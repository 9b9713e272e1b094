// The teacher's panel about the students, one part each: who is in which session, as the
// server knows it from verified webhooks; their tutor agents; private notes to one of them.
import { onAgentStatus } from './agents.js';
import { get, post } from './api.js';
import { $, item, onSubmit } from './dom.js';

export async function teacherPanel(pusher, students) {
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
