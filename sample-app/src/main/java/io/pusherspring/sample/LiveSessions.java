package io.pusherspring.sample;

import java.time.Clock;
import java.time.Instant;

import io.pusherspring.event.PusherEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The class's live sessions: started and ended by the teacher, with the students'
 * check-ins summarized as an assessment at the end. Each change is announced on the
 * session's presence channel once it has committed.
 */
@Service
public class LiveSessions {

	/** The demo class's one live session. */
	static final long CLASS_SESSION = 1;

	private final JdbcClient jdbc;

	private final Clock clock = Clock.systemUTC();

	LiveSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Start a session; the teacher's own page, which sent its socket id, is left out.
	 * @param sessionId the session
	 * @return the started session
	 */
	@Transactional
	@PusherEvent(channels = "presence-session-#{#sessionId}", event = "session.started", toOthers = true)
	public LiveSession start(long sessionId) {
		Instant now = this.clock.instant();
		this.jdbc.sql("MERGE INTO live_session (id, status, started_at) KEY (id) VALUES (?, 'LIVE', ?)")
			.params(sessionId, now)
			.update();
		this.jdbc.sql("DELETE FROM check_in WHERE session_id = ?").param(sessionId).update();
		return new LiveSession(sessionId, now);
	}

	/**
	 * Record whether a student understood the session so far.
	 * @param sessionId the session, which must be live
	 * @param userId the student
	 * @param understood their answer; a later one replaces it
	 */
	@Transactional
	public void checkIn(long sessionId, String userId, boolean understood) {
		requireLive(sessionId);
		this.jdbc
			.sql("MERGE INTO check_in (session_id, user_id, understood) KEY (session_id, user_id) VALUES (?, ?, ?)")
			.params(sessionId, userId, understood)
			.update();
	}

	/**
	 * End a session and summarize the check-ins.
	 * @param sessionId the session, which must be live
	 * @return the summary
	 */
	@Transactional
	@PusherEvent(channels = "presence-session-#{#sessionId}", event = "session.ended", data = "{sessionId: #sessionId}")
	@PusherEvent(channels = "presence-session-#{#sessionId}", event = "assessment.completed")
	public AssessmentSummary end(long sessionId) {
		requireLive(sessionId);
		this.jdbc.sql("UPDATE live_session SET status = 'ENDED' WHERE id = ?").param(sessionId).update();
		int responses = count("SELECT COUNT(*) FROM check_in WHERE session_id = ?", sessionId);
		int understood = count("SELECT COUNT(*) FROM check_in WHERE session_id = ? AND understood", sessionId);
		return AssessmentSummary.of(sessionId, responses, understood);
	}

	private void requireLive(long sessionId) {
		if (count("SELECT COUNT(*) FROM live_session WHERE id = ? AND status = 'LIVE'", sessionId) == 0) {
			throw new SessionNotLiveException(sessionId);
		}
	}

	private int count(String sql, long sessionId) {
		return this.jdbc.sql(sql).param(sessionId).query(Integer.class).single();
	}

}
