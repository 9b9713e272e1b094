package io.pusherspring.sample;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import io.pusherspring.event.PusherEvent;
import io.pusherspring.sample.LiveSession.Status;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The class's live sessions: started and ended by the teacher, with the students'
 * check-ins summarized as an assessment at the end. Each change is announced on the
 * session's presence channel once it has committed; a session that does not exist, or
 * whose status does not allow the change, fails with a {@link LiveSessionException} and
 * announces nothing.
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
	 * Find a session.
	 * @param sessionId the session
	 * @return the session and where it stands, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<LiveSession> find(long sessionId) {
		return this.jdbc.sql("SELECT id, status, started_at FROM live_session WHERE id = ?")
			.param(sessionId)
			.query((row, rowNumber) -> new LiveSession(row.getLong("id"), Status.valueOf(row.getString("status")),
					instant(row.getObject("started_at", OffsetDateTime.class))))
			.optional();
	}

	/**
	 * Start a session that is not live; the teacher's own page, which sent its socket id,
	 * is left out.
	 * @param sessionId the session
	 * @return the started session
	 */
	@Transactional
	@PusherEvent(channels = "presence-session-#{#sessionId}", event = "session.started", toOthers = true)
	public LiveSession start(long sessionId) {
		Instant now = this.clock.instant();
		int started = this.jdbc
			.sql("UPDATE live_session SET status = 'LIVE', started_at = ? WHERE id = ? AND status <> 'LIVE'")
			.params(now, sessionId)
			.update();
		if (started == 0) {
			// the session does not exist (404), or it is live already (409)
			statusOf(sessionId);
			throw LiveSessionException.alreadyLive(sessionId);
		}
		this.jdbc.sql("DELETE FROM check_in WHERE session_id = ?").param(sessionId).update();
		return new LiveSession(sessionId, Status.LIVE, now);
	}

	/**
	 * Record whether a student understood the session so far.
	 * @param sessionId the session, which must be live
	 * @param userId the student
	 * @param understood their answer; a later one replaces it
	 */
	@Transactional
	public void checkIn(long sessionId, String userId, boolean understood) {
		if (statusOf(sessionId) != Status.LIVE) {
			throw LiveSessionException.notLive(sessionId);
		}
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
		int ended = this.jdbc.sql("UPDATE live_session SET status = 'ENDED' WHERE id = ? AND status = 'LIVE'")
			.param(sessionId)
			.update();
		if (ended == 0) {
			// the session does not exist (404), or it is not live (409)
			statusOf(sessionId);
			throw LiveSessionException.notLive(sessionId);
		}
		int responses = count("SELECT COUNT(*) FROM check_in WHERE session_id = ?", sessionId);
		int understood = count("SELECT COUNT(*) FROM check_in WHERE session_id = ? AND understood", sessionId);
		return AssessmentSummary.of(sessionId, responses, understood);
	}

	private Status statusOf(long sessionId) {
		return find(sessionId).map(LiveSession::status).orElseThrow(() -> LiveSessionException.unknown(sessionId));
	}

	private int count(String sql, long sessionId) {
		return this.jdbc.sql(sql).param(sessionId).query(Integer.class).single();
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

}
