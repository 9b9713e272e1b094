package io.pusherspring.core;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

/**
 * The failures {@link HttpPusherTransport} raises, for unit tests.
 */
final class ScriptedFailures {

	private ScriptedFailures() {
	}

	static PusherConnectionException refused() {
		return new PusherConnectionException("POST /events did not complete: ConnectException",
				new ConnectException("Connection refused"), false);
	}

	static PusherConnectionException readTimeout() {
		return new PusherConnectionException("POST /events did not complete: SocketTimeoutException",
				new SocketTimeoutException("Read timed out"), true);
	}

}
