package io.pusherspring.benchmarks.startup;

import java.util.Locale;

/**
 * One start of the sample in a new JVM, for {@link FreshStartupCost}: prints the time
 * from the JVM's start to {@code ApplicationStartedEvent} on its last line.
 * <p>
 * {@code SampleStart with|without <Pusher API port>}
 */
public final class SampleStart {

	static final String STARTED = "started ";

	private SampleStart() {
	}

	public static void main(String[] args) {
		double millis = SampleStarts.startFromJvmStart(args[0].equals("with"), Integer.parseInt(args[1]));
		System.out.printf(Locale.ROOT, "%s%.1f%n", STARTED, millis);
	}

}
