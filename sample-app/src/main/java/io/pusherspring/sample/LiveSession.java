package io.pusherspring.sample;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A live session of the class, and where it stands.
 *
 * @param sessionId the session
 * @param status whether it has started, is live or has ended
 * @param startedAt when it last started, or {@code null} before it first does
 */
public record LiveSession(long sessionId, Status status, @Nullable Instant startedAt) {

	/**
	 * Where a live session stands.
	 */
	public enum Status {

		/** Not started yet. */
		NOT_STARTED,

		/** Started and not ended: students check in. */
		LIVE,

		/** Ended, with its assessment; the teacher may start it again. */
		ENDED

	}

}
