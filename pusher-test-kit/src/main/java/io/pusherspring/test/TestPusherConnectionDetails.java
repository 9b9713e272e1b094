package io.pusherspring.test;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import io.pusherspring.autoconfigure.PusherConnectionDetails;
import io.pusherspring.autoconfigure.PusherProperties;
import io.pusherspring.test.context.PusherTestCredentials;

import org.springframework.util.StringUtils;

/**
 * {@link PusherConnectionDetails} for tests: the {@code pusher.*} credentials where they
 * are set, test credentials where they are not (or still hold an unresolved
 * {@code ${...}} placeholder, such as {@code ${PUSHER_SECRET}} with that variable unset).
 */
final class TestPusherConnectionDetails implements PusherConnectionDetails {

	private final PusherProperties properties;

	TestPusherConnectionDetails(PusherProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getAppId() {
		return orDefault(this.properties.getAppId(), PusherTestCredentials.CREDENTIALS.appId());
	}

	@Override
	public String getKey() {
		return orDefault(this.properties.getKey(), PusherTestCredentials.CREDENTIALS.key());
	}

	@Override
	public String getSecret() {
		return orDefault(this.properties.getSecret(), PusherTestCredentials.CREDENTIALS.secret());
	}

	@Override
	public URI getEndpoint() {
		return this.properties.determineEndpoint();
	}

	private static String orDefault(@Nullable String value, String fallback) {
		return (StringUtils.hasText(value) && !value.contains("${")) ? value : fallback;
	}

	@Override
	public String toString() {
		return "TestPusherConnectionDetails[appId=" + getAppId() + ", key=" + getKey() + ", secret=******]";
	}

}
