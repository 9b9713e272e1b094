package io.pusherspring.auth;

import java.time.Clock;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import io.pusherspring.auth.PusherAuthorizationEvent.Kind;
import io.pusherspring.core.internal.RefusalLog;

/**
 * Logs the requests the auth endpoints refuse as unreadable, one WARN line each, naming
 * the endpoint, the caller's address, the status and a fixed reason, never what the
 * request carried; at most {@link RefusalLog#DEFAULT_MAX_LINES} lines a minute, as
 * {@link RefusalLog} bounds them.
 */
final class AuthRefusalLog {

	private static final int MAX_ADDRESS_LENGTH = 64;

	private final RefusalLog log;

	AuthRefusalLog(Log logger) {
		this.log = new RefusalLog(logger);
	}

	AuthRefusalLog(Log logger, int maxLines, Duration window, Clock clock) {
		this.log = new RefusalLog(logger, maxLines, window, clock);
	}

	/**
	 * Log one refusal, unless this window's lines are used up.
	 * @param kind the endpoint
	 * @param remoteAddress the caller's address
	 * @param status the status answered
	 * @param reason a fixed text that does not quote the request
	 */
	void refused(Kind kind, @Nullable String remoteAddress, int status, String reason) {
		this.log.refused(() -> "Refused a Pusher " + describe(kind) + " request from "
				+ RefusalLog.escape(remoteAddress, MAX_ADDRESS_LENGTH) + " with " + status + ": "
				+ RefusalLog.escape(reason, Integer.MAX_VALUE));
	}

	private static String describe(Kind kind) {
		return (kind == Kind.CHANNEL_AUTHORIZATION) ? "channel authorization" : "user authentication";
	}

}
