package io.pusherspring.test.context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pusherspring.core.PusherCredentials;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * The credentials the test kit supplies to tests whose application has none, and where in
 * an environment they are missing. Internal to the test kit: public only so that its
 * packages share it.
 */
public final class PusherTestCredentials {

	/**
	 * The test credentials: {@code test-app-id}, {@code test-key}, {@code test-secret}.
	 */
	public static final PusherCredentials CREDENTIALS = new PusherCredentials("test-app-id", "test-key", "test-secret");

	/**
	 * A {@code ${name}} or {@code ${name:default}} placeholder, whose name is the group.
	 */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

	private PusherTestCredentials() {
	}

	/**
	 * The properties that give an environment the test credentials where it has none, to
	 * be added at its lowest precedence. A credential property ({@code pusher.app-id},
	 * {@code pusher.key}, {@code pusher.secret}) with a usable value is left alone. One
	 * that is not set at all gets the test value. One whose value holds placeholders that
	 * nothing defines, such as {@code ${PUSHER_SECRET}} or {@code ${PUSHER_SECRET:}} with
	 * that variable unset, gets them defined as the test value, so the application's own
	 * property resolves. One set to an empty value, with no placeholder, is left alone:
	 * the application asked for it.
	 * @param environment the environment of a test's application context
	 * @return the properties, empty if the environment has every credential
	 */
	public static Map<String, Object> missingIn(ConfigurableEnvironment environment) {
		Binder resolving = Binder.get(environment);
		Binder raw = new Binder(ConfigurationPropertySources.get(environment));
		Map<String, Object> missing = new LinkedHashMap<>();
		addIfMissing(missing, environment, resolving, raw, "pusher.app-id", CREDENTIALS.appId());
		addIfMissing(missing, environment, resolving, raw, "pusher.key", CREDENTIALS.key());
		addIfMissing(missing, environment, resolving, raw, "pusher.secret", CREDENTIALS.secret());
		return missing;
	}

	private static void addIfMissing(Map<String, Object> missing, ConfigurableEnvironment environment, Binder resolving,
			Binder raw, String property, String testValue) {
		if (isUsable(resolving.bind(property, String.class).orElse(null))) {
			return;
		}
		String value = raw.bind(property, String.class).orElse(null);
		if (value == null) {
			missing.put(property, testValue);
			return;
		}
		Matcher placeholder = PLACEHOLDER.matcher(value);
		while (placeholder.find()) {
			String name = placeholder.group(1);
			if (!environment.containsProperty(name)) {
				missing.putIfAbsent(name, testValue);
			}
		}
	}

	private static boolean isUsable(@Nullable String value) {
		return StringUtils.hasText(value) && !value.contains("${");
	}

}
