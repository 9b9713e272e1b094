package io.pusherspring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
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
		String scheme = this.properties.getScheme();
		if (!"https".equals(scheme) && !"http".equals(scheme)) {
			throw new InvalidConfigurationPropertyValueException("pusher.scheme", scheme, "Use https or http.");
		}
		String host = this.properties.getHost();
		if (!StringUtils.hasText(host)) {
			String cluster = this.properties.getCluster();
			if (!StringUtils.hasText(cluster) || !cluster.matches("[a-z0-9-]+")) {
				throw new InvalidConfigurationPropertyValueException("pusher.cluster", cluster,
						"Use the cluster shown in the Pusher dashboard, such as mt1 or eu.");
			}
			host = "api-" + cluster + ".pusher.com";
		}
		Integer port = this.properties.getPort();
		if (port != null && (port < 1 || port > 65535)) {
			throw new InvalidConfigurationPropertyValueException("pusher.port", port, "Use a port from 1 to 65535.");
		}
		boolean defaultPort = port == null || port == ("https".equals(scheme) ? 443 : 80);
		try {
			return new URI(scheme, null, host, defaultPort ? -1 : port, null, null, null);
		}
		catch (URISyntaxException ex) {
			throw new InvalidConfigurationPropertyValueException("pusher.host", host, "Use a host name or address.");
		}
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
