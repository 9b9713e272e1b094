package io.pusherspring.test.context;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Gives every test's application context the test credentials where its application has
 * none, through a {@link PusherTestCredentialsContextCustomizer}. Registered in the test
 * kit's {@code META-INF/spring.factories}, so it applies wherever the kit is on the test
 * class path, and only to contexts that Spring's TestContext framework creates.
 */
class PusherTestCredentialsContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new PusherTestCredentialsContextCustomizer();
	}

}
