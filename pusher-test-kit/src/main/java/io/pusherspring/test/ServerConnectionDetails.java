package io.pusherspring.test;

import java.net.URI;

import io.pusherspring.autoconfigure.PusherConnectionDetails;

/**
 * {@link PusherConnectionDetails} of a test kit server ({@link FakePusherServer},
 * {@link LocalPusherServer}): read from the server when they are used, so they may be
 * created before the server starts.
 */
final class ServerConnectionDetails implements PusherConnectionDetails {

	private final TestPusherServer server;

	ServerConnectionDetails(TestPusherServer server) {
		this.server = server;
	}

	@Override
	public String getAppId() {
		return this.server.getAppId();
	}

	@Override
	public String getKey() {
		return this.server.getKey();
	}

	@Override
	public String getSecret() {
		return this.server.getSecret();
	}

	@Override
	public URI getEndpoint() {
		return this.server.getEndpoint();
	}

	@Override
	public String toString() {
		return "ConnectionDetails[" + this.server + "]";
	}

}
