package io.pusherspring.test.junit;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.springframework.util.Assert;

/**
 * The JUnit 5 life cycle of a test kit server registered as an extension: on a static
 * field it starts before all tests and stops after them; on an instance field it starts
 * and stops around each test; before each test it is reset. A server started by hand is
 * left running. It also resolves test method parameters of the types it was given.
 * Internal to the test kit: public only so that the servers of
 * {@code io.pusherspring.test} can build on it.
 */
public final class ServerExtensionSupport {

	private final BooleanSupplier running;

	private final Runnable start;

	private final Runnable stop;

	private final Runnable reset;

	private final Map<Class<?>, Object> parameters;

	private int classScopes;

	private boolean stopAfterAll;

	private boolean stopAfterEach;

	/**
	 * Create the life cycle of a server.
	 * @param running whether the server is running
	 * @param start starts the server
	 * @param stop stops the server
	 * @param reset forgets what the server recorded and what tests set up on it
	 * @param parameters the test method parameters it resolves, by their exact type
	 */
	public ServerExtensionSupport(BooleanSupplier running, Runnable start, Runnable stop, Runnable reset,
			Map<Class<?>, Object> parameters) {
		this.running = running;
		this.start = start;
		this.stop = stop;
		this.reset = reset;
		this.parameters = Map.copyOf(parameters);
	}

	/**
	 * Before the tests of a class: start the server unless it runs.
	 */
	public synchronized void beforeAll() {
		if (this.classScopes++ == 0 && !this.running.getAsBoolean()) {
			this.start.run();
			this.stopAfterAll = true;
		}
	}

	/**
	 * After the tests of a class: stop the server if the outermost class started it.
	 */
	public synchronized void afterAll() {
		if (--this.classScopes == 0 && this.stopAfterAll) {
			this.stopAfterAll = false;
			this.stop.run();
		}
	}

	/**
	 * Before each test: start the server unless it runs, and reset it.
	 */
	public synchronized void beforeEach() {
		if (!this.running.getAsBoolean()) {
			this.start.run();
			this.stopAfterEach = true;
		}
		this.reset.run();
	}

	/**
	 * After each test: stop the server if this test started it.
	 */
	public synchronized void afterEach() {
		if (this.stopAfterEach) {
			this.stopAfterEach = false;
			this.stop.run();
		}
	}

	/**
	 * Whether a test method parameter is one this server resolves.
	 * @param type the parameter's type
	 * @return {@code true} for the types it was given
	 */
	public boolean supportsParameter(Class<?> type) {
		return this.parameters.containsKey(type);
	}

	/**
	 * Resolve a test method parameter.
	 * @param type the parameter's type, one it {@linkplain #supportsParameter supports}
	 * @return the value
	 */
	public Object resolveParameter(Class<?> type) {
		Object value = this.parameters.get(type);
		Assert.state(value != null, () -> "No " + type.getName() + " to resolve");
		return value;
	}

}
