package io.pusherspring.benchmarks.startup;

import java.util.Locale;

import io.pusherspring.benchmarks.support.BenchmarkRun;
import io.pusherspring.benchmarks.support.Format;
import io.pusherspring.benchmarks.support.Machine;
import io.pusherspring.benchmarks.support.Report;
import io.pusherspring.benchmarks.support.Summary;

/**
 * What the starter adds to the start-up of the sample application, in one process: the
 * time from {@code SpringApplication.run} to {@code ApplicationStartedEvent} (context
 * refreshed, Tomcat listening) with the starter and without it (see
 * {@link SampleStarts}), in alternating order, after warm-up rounds. Reports the medians,
 * the median of the per-round differences and the ratio of the medians.
 * {@link FreshStartupCost} measures new JVMs instead.
 * <p>
 * {@code benchmarks/run startup [rounds] [warm-up rounds]}
 */
public final class StartupCost {

	private StartupCost() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkRun.main("startup", args, StartupCost::run);
	}

	static Report run(BenchmarkRun run) throws Exception {
		int rounds = run.integer(0, "rounds", 30, 1);
		int warmUp = run.integer(1, "warm-up rounds", 5, 0);
		double[] with = new double[rounds];
		double[] without = new double[rounds];
		try (PusherApiStandIn api = new PusherApiStandIn()) {
			for (int round = -warmUp; round < rounds; round++) {
				boolean withFirst = Math.floorMod(round, 2) == 0;
				double first = SampleStarts.start(withFirst, api.getPort());
				double second = SampleStarts.start(!withFirst, api.getPort());
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
		Report report = new Report("Start-up cost, in one process", """
				The classroom sample, which uses every part of the starter (authorizers, `@PusherEvent` on \
				transactional beans, webhooks, encryption), started and stopped in one JVM with the starter, \
				and with every auto-configuration of the starter excluded and stand-ins for the few of its \
				beans that the sample's own beans need (the baseline), in alternating order, after warm-up \
				rounds: the time from `SpringApplication.run` to `ApplicationStartedEvent` (context \
				refreshed, Tomcat listening).""");
		return StartupReports.add(report, "Start-up time in one process, medians", with, without);
	}

}
