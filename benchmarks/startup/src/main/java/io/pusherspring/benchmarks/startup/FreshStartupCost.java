package io.pusherspring.benchmarks.startup;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.pusherspring.benchmarks.support.BenchmarkRun;
import io.pusherspring.benchmarks.support.Format;
import io.pusherspring.benchmarks.support.Machine;
import io.pusherspring.benchmarks.support.Report;

/**
 * {@link StartupCost} with a new JVM for each start, measured from the JVM's start, so
 * that class loading and a cold JIT are included: alternating variants, one of each per
 * round.
 * <p>
 * {@code benchmarks/run startup-fresh [rounds] [warm-up rounds]}
 */
public final class FreshStartupCost {

	private FreshStartupCost() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkRun.main("startup-fresh", args, FreshStartupCost::run);
	}

	static Report run(BenchmarkRun run) throws Exception {
		int rounds = run.integer(0, "rounds", 12, 1);
		int warmUp = run.integer(1, "warm-up rounds", 1, 0);
		double[] with = new double[rounds];
		double[] without = new double[rounds];
		try (PusherApiStandIn api = new PusherApiStandIn()) {
			for (int round = -warmUp; round < rounds; round++) {
				boolean withFirst = Math.floorMod(round, 2) == 0;
				double first = startJvm(withFirst, api.getPort());
				double second = startJvm(!withFirst, api.getPort());
				double withMs = withFirst ? first : second;
				double withoutMs = withFirst ? second : first;
				System.out.printf(Locale.ROOT, "%s: with %.1f ms, without %.1f ms, difference %.1f ms (load %.2f)%n",
						Format.round(round, warmUp), withMs, withoutMs, withMs - withoutMs, Machine.loadAverage());
				if (round >= 0) {
					with[round] = withMs;
					without[round] = withoutMs;
				}
			}
		}
		Report report = new Report("Start-up cost, in a new JVM", """
				The classroom sample started in a new JVM each time, with the starter and without it (every \
				auto-configuration of the starter excluded, stand-ins for the few of its beans that the \
				sample's own beans need: the baseline), alternating: the time from the JVM's start to \
				`ApplicationStartedEvent`, so that loading the starter's classes and libraries, and a cold \
				JIT, are included.""");
		return StartupReports.add(report, "Start-up time from the JVM's start, medians", with, without);
	}

	private static double startJvm(boolean withStarter, int apiPort) throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				SampleStart.class.getName(), withStarter ? "with" : "without", Integer.toString(apiPort))
			.redirectErrorStream(true)
			.start();
		StringBuilder output = new StringBuilder();
		String last = null;
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				output.append(line).append('\n');
				last = line;
			}
		}
		if (process.waitFor() != 0 || last == null || !last.startsWith(SampleStart.STARTED)) {
			throw new IllegalStateException("The sample's JVM failed:\n" + output);
		}
		return Double.parseDouble(last.substring(SampleStart.STARTED.length()));
	}

}
