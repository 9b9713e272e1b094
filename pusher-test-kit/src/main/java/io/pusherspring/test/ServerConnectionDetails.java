package io.pusherspring.test;

import java.net.URI;
import java.util.function.Supplier;

import io.pusherspring.autoconfigure.PusherConnectionDetails;

/**
 * {@link PusherConnectionDetails} of a test kit server ({@link FakePusherServer},
 * {@link LocalPusherServer}): the endpoint is read when it is used, so the details may be
 * created before the server starts.
 */
final class ServerConnectionDetails implements PusherConnectionDetails {

	private final Object server;

	private final String appId;

	private final String key;

	private final String secret;

	private final Supplier<URI> endpoint;

	ServerConnectionDetails(Object server, String appId, String key, String secret, Supplier<URI> endpoint) {
		this.server = server;
		this.appId = appId;
		this.key = key;
		this.secret = secret;
		this.endpoint = endpoint;
	}

	@Override
	public String getAppId() {
		return this.appId;
	}

	@Override
	public String getKey() {
		return this.key;
	}

	@Override
	public String getSecret() {
		return this.secret;
	}

	@Override
	public URI getEndpoint() {
		return this.endpoint.get();
	}

	@Override
	public String toString() {
		return "ConnectionDetails[" + this.server + "]";
	}

}
