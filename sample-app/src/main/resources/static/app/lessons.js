// A student asks their tutor agent for a lesson: progress, then the lesson, arrive on the
// student's private channel once each step has committed; the agent's status on its own.
import { onAgentStatus } from './agents.js';
import { post } from './api.js';
import { $, onSubmit, setText } from './dom.js';

export function lessons(pusher, user, userChannel) {
  $('lesson-channel').textContent = userChannel.name;
  userChannel.bind('progress.updated', ({ percent, activity }) => {
    $('lesson-progress').value = percent;
    $('lesson-activity').textContent = `${activity}… ${percent}%`;
  });
  userChannel.bind('content.generated', (lesson) => {
    $('lesson-progress').value = 100;
    $('lesson-activity').textContent = `Ready: ${lesson.topic}`;
    $('lesson-content').textContent = lesson.content;
    $('generate-lesson').disabled = false;
  });
  onAgentStatus(pusher, user.id, (status) => setText('agent-status', status, `badge ${status}`));
  onSubmit('lesson-form', async () => {
    $('generate-lesson').disabled = true;
    $('lesson-progress').value = 0;
    $('lesson-content').textContent = '';
    $('lesson-activity').textContent = 'Asked the tutor…';
    try {
      await post('/api/lessons', { topic: $('lesson-topic').value });
    }
    catch (error) {
      $('generate-lesson').disabled = false;
      throw error;
    }
  });
}
