// A student's tutor agent broadcasts its status (thinking, writing, idle) on its own
// private channel, which that student and the teachers may subscribe to.

export function onAgentStatus(pusher, studentId, show) {
  pusher.subscribe(`private-agent-tutor-${studentId}`).bind('agent.status', ({ status }) => show(status));
}
