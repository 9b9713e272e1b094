package io.pusherspring.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * {@link PusherConnectionDetails} from {@link PusherProperties}.
 *
 * @author pusher-spring-boot
 */
class PropertiesPusherConnectionDetails implements PusherConnectionDetails {

	private final PusherProperties properties;

	PropertiesPusherConnectionDetails(PusherProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getAppId() {
		return required(this.properties.getAppId());
	}

	@Override
	public String getKey() {
		return required(this.properties.getKey());
	}

	@Override
	public String getSecret() {
		return required(this.properties.getSecret());
	}

	@Override
	public URI getEndpoint() {
		return this.properties.determineEndpoint();
	}

	/**
	 * Fails with every missing credential named at once, so one restart fixes them all.
	 */
	private String required(@Nullable String value) {
		if (StringUtils.hasText(value)) {
			return value;
		}
		List<String> missing = new ArrayList<>();
		if (!StringUtils.hasText(this.properties.getAppId())) {
			missing.add("pusher.app-id");
		}
		if (!StringUtils.hasText(this.properties.getKey())) {
			missing.add("pusher.key");
		}
		if (!StringUtils.hasText(this.properties.getSecret())) {
			missing.add("pusher.secret");
		}
		throw new MissingPusherCredentialsException(missing);
	}

}
