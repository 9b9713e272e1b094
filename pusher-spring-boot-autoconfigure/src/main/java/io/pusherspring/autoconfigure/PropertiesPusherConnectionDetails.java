package io.pusherspring.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * {@link PusherConnectionDetails} from {@link PusherProperties}.
 */
class PropertiesPusherConnectionDetails implements PusherConnectionDetails {

	/**
	 * A {@code ${name}} or {@code ${name:default}} placeholder that Spring left in the
	 * value because nothing defines {@code name}.
	 */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]*)");

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
	 * Fails with every missing credential named at once, so one restart fixes them all. A
	 * value that still holds an unresolved {@code ${...}} placeholder counts as missing:
	 * used as it is, it would sign every request with the placeholder's text.
	 */
	private String required(@Nullable String value) {
		if (isUsable(value)) {
			return value;
		}
		List<String> missing = new ArrayList<>();
		Map<String, List<String>> unresolved = new LinkedHashMap<>();
		collectUnusable("pusher.app-id", this.properties.getAppId(), missing, unresolved);
		collectUnusable("pusher.key", this.properties.getKey(), missing, unresolved);
		collectUnusable("pusher.secret", this.properties.getSecret(), missing, unresolved);
		throw new MissingPusherCredentialsException(missing, unresolved);
	}

	private static void collectUnusable(String property, @Nullable String value, List<String> missing,
			Map<String, List<String>> unresolved) {
		if (isUsable(value)) {
			return;
		}
		missing.add(property);
		List<String> placeholders = (value != null) ? unresolvedPlaceholders(value) : List.of();
		if (!placeholders.isEmpty()) {
			unresolved.put(property, placeholders);
		}
	}

	private static boolean isUsable(@Nullable String value) {
		return StringUtils.hasText(value) && unresolvedPlaceholders(value).isEmpty();
	}

	static List<String> unresolvedPlaceholders(String value) {
		List<String> names = new ArrayList<>();
		Matcher matcher = PLACEHOLDER.matcher(value);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

}
