package io.pusherspring.test.context;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds the test credentials that a test's application lacks as the lowest-precedence
 * property source of its environment, once the application's own configuration is loaded:
 * every property the application or the test sets wins, and nothing reaches an
 * application started outside Spring's TestContext framework.
 *
 * @see PusherTestCredentials#missingIn(ConfigurableEnvironment)
 */
class PusherTestCredentialsContextCustomizer implements ContextCustomizer {

	/** The name of the property source it adds. */
	static final String PROPERTY_SOURCE_NAME = "pusherTestCredentials";

	private static final Log logger = LogFactory.getLog(PusherTestCredentialsContextCustomizer.class);

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		ConfigurableEnvironment environment = context.getEnvironment();
		Map<String, Object> missing = PusherTestCredentials.missingIn(environment);
		if (!missing.isEmpty()) {
			if (logger.isDebugEnabled()) {
				logger.debug("Supplying Pusher test credentials for " + missing.keySet());
			}
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, missing));
		}
	}

	// one customizer for every test class: equal, so that contexts are still cached
	@Override
	public boolean equals(@Nullable Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}
