// The teacher's panel: who is in which session, as the server knows it from verified
// webhooks; the students' tutor agents; private notes to a student.
import { onAgentStatus } from './agents.js';
import { get, post } from './api.js';
import { $, item, onSubmit } from './dom.js';

export async function teacherPanel(pusher, students) {
  pusher.subscribe('private-teachers').bind('roster.updated', ({ sessions }) => showRoster(sessions));
  showRoster((await get('/api/roster')).sessions);
  for (const student of students) {
    $('note-recipient').append(new Option(student.name, student.id));
    const agent = item(`${student.name}'s tutor: idle`);
    $('agents').append(agent);
    onAgentStatus(pusher, student.id, (status) => { agent.textContent = `${student.name}'s tutor: ${status}`; });
  }
  onSubmit('note-form', async () => {
    await post(`/api/users/${$('note-recipient').value}/notes`, { text: $('note-text').value });
    $('note-text').value = '';
  });
}

function showRoster(sessions) {
  const list = $('roster');
  list.replaceChildren();
  for (const [sessionId, names] of Object.entries(sessions)) {
    list.append(item(`Session ${sessionId}: ${names.join(', ')}`));
  }
  if (!list.children.length) {
    list.append(item('Nobody is in a session'));
  }
}
