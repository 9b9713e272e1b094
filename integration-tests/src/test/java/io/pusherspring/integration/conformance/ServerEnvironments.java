package io.pusherspring.integration.conformance;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each {@link ConformanceTest} the {@link ServerEnvironment} of its server: one per
 * server for the whole test run, closed when the run ends.
 */
class ServerEnvironments implements BeforeEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(ServerEnvironments.class);

	@Override
	public void beforeEach(ExtensionContext context) {
		ConformanceTest test = (ConformanceTest) context.getRequiredTestInstance();
		test.environment = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(test.server, ServerEnvironment::start, ServerEnvironment.class);
	}

}
