package io.pusherspring.test;

import java.util.function.BooleanSupplier;

/**
 * When a test kit server registered as a JUnit 5 extension starts, resets and stops: on a
 * static field it starts before all tests and stops after them; on an instance field it
 * starts and stops around each test; before each test it is reset. A server started by
 * hand is left running.
 */
final class ExtensionScopes {

	private final BooleanSupplier running;

	private final Runnable start;

	private final Runnable stop;

	private final Runnable reset;

	private int classScopes;

	private boolean stopAfterAll;

	private boolean stopAfterEach;

	ExtensionScopes(BooleanSupplier running, Runnable start, Runnable stop, Runnable reset) {
		this.running = running;
		this.start = start;
		this.stop = stop;
		this.reset = reset;
	}

	synchronized void beforeAll() {
		if (this.classScopes++ == 0 && !this.running.getAsBoolean()) {
			this.start.run();
			this.stopAfterAll = true;
		}
	}

	synchronized void afterAll() {
		if (--this.classScopes == 0 && this.stopAfterAll) {
			this.stopAfterAll = false;
			this.stop.run();
		}
	}

	synchronized void beforeEach() {
		if (!this.running.getAsBoolean()) {
			this.start.run();
			this.stopAfterEach = true;
		}
		this.reset.run();
	}

	synchronized void afterEach() {
		if (this.stopAfterEach) {
			this.stopAfterEach = false;
			this.stop.run();
		}
	}

}
