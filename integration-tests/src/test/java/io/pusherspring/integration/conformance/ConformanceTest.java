package io.pusherspring.integration.conformance;

import java.time.Duration;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;

/**
 * A class of conformance scenarios, run once for each {@link Server} (declare
 * {@code @ParameterizedClass(name = "{0}") @EnumSource(Server.class)}): each scenario
 * asserts what Pusher documents, except where soketi is known to differ
 * ({@link Server#differsIn}), where it asserts what soketi does, so that a change is
 * noticed. A place where {@code LocalPusherServer} does not behave as Pusher documents is
 * a bug of the test kit: pin it the same way, expecting Pusher's behaviour from soketi
 * and the known wrong one from the local server, until it is fixed.
 */
@ExtendWith(ServerEnvironments.class)
abstract class ConformanceTest {

	/** How long to wait before concluding that nothing more arrives. */
	static final Duration QUIET = Duration.ofMillis(500);

	@Parameter
	Server server;

	ServerEnvironment environment;

}
