package io.pusherspring.integration.conformance;

import java.time.Duration;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;

/**
 * A class of conformance scenarios, run once for each {@link Server} (declare
 * {@code @ParameterizedClass(name = "{0}") @EnumSource(Server.class)}): each scenario
 * asserts what Pusher documents, except where the server is known to differ
 * ({@link Server#differsIn}) or to be wrong ({@link Server#hasBug}), where it asserts
 * what that server does, so that a change is noticed.
 */
@ExtendWith(ServerEnvironments.class)
abstract class ConformanceTest {

	/** How long to wait before concluding that nothing more arrives. */
	static final Duration QUIET = Duration.ofMillis(500);

	@Parameter
	Server server;

	ServerEnvironment environment;

}
