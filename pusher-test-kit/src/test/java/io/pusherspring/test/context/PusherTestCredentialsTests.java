package io.pusherspring.test.context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Where {@link PusherTestCredentials} finds credentials missing, and what the
 * lowest-precedence property source it leads to makes of an application's own properties.
 */
class PusherTestCredentialsTests {

	private static final Map<String, Object> APP_ID_AND_KEY = Map.of("pusher.app-id", "1234567", "pusher.key",
			"app-key");

	static Stream<Arguments> applicationProperties() {
		return Stream.of(
				arguments("no credentials", Map.of(),
						Map.of("pusher.app-id", "test-app-id", "pusher.key", "test-key", "pusher.secret",
								"test-secret")),
				arguments("every credential", with("pusher.secret", "app-secret"), Map.of()),
				arguments("a missing secret", APP_ID_AND_KEY, Map.of("pusher.secret", "test-secret")),
				arguments("an unresolved placeholder", with("pusher.secret", "${PUSHER_TEST_KIT_UNSET}"),
						Map.of("PUSHER_TEST_KIT_UNSET", "test-secret")),
				arguments("an unresolved placeholder with an empty default",
						with("pusher.secret", "${PUSHER_TEST_KIT_UNSET:}"),
						Map.of("PUSHER_TEST_KIT_UNSET", "test-secret")),
				arguments("a placeholder with a usable default", with("pusher.secret", "${PUSHER_TEST_KIT_UNSET:dev}"),
						Map.of()),
				arguments("a placeholder that resolves",
						with("pusher.secret", "${app.secret}", "app.secret", "app-secret"), Map.of()),
				arguments("an empty value set on purpose", with("pusher.secret", ""), Map.of()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("applicationProperties")
	void suppliesOnlyWhatTheApplicationLacks(String description, Map<String, Object> properties,
			Map<String, Object> missing) {
		assertThat(PusherTestCredentials.missingIn(environment(properties))).isEqualTo(missing);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("applicationProperties")
	void givesTheApplicationUsableCredentialsOrLeavesItsOwn(String description, Map<String, Object> properties,
			Map<String, Object> missing) {
		StandardEnvironment environment = environment(properties);
		String ownSecret = Binder.get(environment).bind("pusher.secret", String.class).orElse(null);
		environment.getPropertySources()
			.addLast(new MapPropertySource("test", PusherTestCredentials.missingIn(environment)));
		String secret = Binder.get(environment).bind("pusher.secret", String.class).orElse(null);
		if (missing.isEmpty()) {
			assertThat(secret).isEqualTo(ownSecret);
		}
		else {
			assertThat(secret).isEqualTo("test-secret");
		}
	}

	@Test
	void findsCredentialsInEnvironmentVariables() {
		StandardEnvironment environment = environment(Map.of());
		environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("PUSHER_APP_ID", "1234567", "PUSHER_KEY", "app-key", "PUSHER_SECRET", "app-secret")));
		assertThat(PusherTestCredentials.missingIn(environment)).isEmpty();
	}

	@Test
	void createsOneCustomizerForEveryTestClassSoThatContextsAreCached() {
		PusherTestCredentialsContextCustomizerFactory factory = new PusherTestCredentialsContextCustomizerFactory();
		ContextCustomizer one = factory.createContextCustomizer(String.class, List.of());
		ContextCustomizer other = factory.createContextCustomizer(Integer.class, List.of());
		assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
	}

	private static Map<String, Object> with(String... namesAndValues) {
		Map<String, Object> properties = new HashMap<>(APP_ID_AND_KEY);
		for (int i = 0; i < namesAndValues.length; i += 2) {
			properties.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return properties;
	}

	/**
	 * An environment with the given properties and none of the machine's.
	 */
	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addFirst(new MapPropertySource("application", properties));
		return environment;
	}

}
