package io.pusherspring.integration.event;

import io.pusherspring.event.PusherEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts and ends live sessions; the teacher who starts one already knows.
 */
@Service
public class SessionService {

	private final JdbcClient jdbc;

	public SessionService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::to-others[]
	@Transactional
	@PusherEvent(channels = "presence-session-#{#sessionId}", event = "session.started", toOthers = true)
	public LiveSession start(long sessionId, long classId) {
		this.jdbc.sql("MERGE INTO live_session (id, class_id, status) KEY (id) VALUES (?, ?, 'LIVE')")
			.params(sessionId, classId)
			.update();
		return new LiveSession(sessionId, classId);
	}
	// end::to-others[]

	@Transactional
	@PusherEvent(channels = "presence-session-#{#sessionId}", event = "session.ended", data = "{sessionId: #sessionId}")
	public void end(long sessionId) {
		this.jdbc.sql("UPDATE live_session SET status = 'ENDED' WHERE id = ?").param(sessionId).update();
	}

}
