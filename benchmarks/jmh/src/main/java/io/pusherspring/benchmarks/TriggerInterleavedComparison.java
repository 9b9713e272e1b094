package io.pusherspring.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.pusherspring.benchmarks.support.BenchmarkRun;
import io.pusherspring.benchmarks.support.Format;
import io.pusherspring.benchmarks.support.Report;
import io.pusherspring.benchmarks.support.Summary;

/**
 * {@link TriggerBenchmark}'s cases (one caller or eight; a server that answers at once or
 * after 20 ms) with the clients measured in alternating slots of a fixed length in one
 * process, the order rotating from round to round, so that the drift of a shared machine
 * (load, frequency, JIT) falls on all of them alike. JMH measures one client after the
 * other, and on a 2-core machine shared by client and server the drift between two of its
 * trials is as large as the differences measured. Reports, for each case, the median of
 * the per-round ratios of each of the template's calls to {@code Pusher.trigger}, and
 * their interquartile range.
 * <p>
 * {@code benchmarks/run trigger [rounds] [slot seconds] [warm-up rounds]}
 */
public final class TriggerInterleavedComparison {

	private static final int REQUESTS_IN_FLIGHT = TriggerBenchmark.IN_FLIGHT;

	private static final long[] DELAYS_MS = { 0, 20 };

	private static final int[] CALLERS = { 1, 8 };

	private TriggerInterleavedComparison() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkRun.main("trigger", args, TriggerInterleavedComparison::run);
	}

	static Report run(BenchmarkRun run) throws Exception {
		int rounds = run.integer(0, "rounds", 15, 1);
		double slotSeconds = run.decimal(1, "slot seconds (3 times that at 20 ms)", 0.5, 0.1);
		int warmUp = run.integer(2, "warm-up rounds (at most 3 at 20 ms)", 10, 0);
		Report report = new Report("Triggering events: PusherTemplate and pusher-http-java", """
				Events triggered one at a time on one channel, against a local Jetty server that stands in \
				for the Pusher HTTP API and answers at once or after 20 ms, by 1 or 8 callers: through the \
				starter's `PusherOperations` as an application gets it (auto-configured, over its HTTP \
				client), with `trigger`, with `triggerAsync` awaited at once, and with `triggerAsync` \
				keeping 8 requests in flight per caller; and through pusher-http-java's own \
				`Pusher.trigger` with its default settings (2 connections per host), the baseline. The \
				clients take turns in slots of a fixed length, in an order that rotates from round to \
				round, in one process; each ratio is the median of the per-round ratios of events per \
				second to `Pusher.trigger`'s, with the interquartile range in brackets.""");
		Report.Table ratios = report.table("Events per second, ratio to `Pusher.trigger` in the same round", "server",
				"callers", "`Pusher.trigger`, events/s", "`trigger`", "`triggerAsync` awaited",
				"`triggerAsync`, " + REQUESTS_IN_FLIGHT + " in flight");
		for (long delayMs : DELAYS_MS) {
			try (TriggerClients clients = new TriggerClients(delayMs)) {
				for (int callers : CALLERS) {
					Case current = new Case(callers, delayMs);
					double slot = (delayMs > 0) ? 3 * slotSeconds : slotSeconds;
					int warmUpRounds = (delayMs > 0) ? Math.min(warmUp, 3) : warmUp;
					double[][] rates = measure(clients, current, rounds, warmUpRounds, slot);
					Summary raw = Summary.of(rates[Variant.RAW.ordinal()]);
					List<String> cells = new ArrayList<>(
							List.of(current.server(), Integer.toString(callers), Format.count(raw.median())));
					for (Variant variant : List.of(Variant.SYNC, Variant.ASYNC, Variant.IN_FLIGHT)) {
						Summary ratio = Summary.of(ratiosTo(rates, variant));
						cells.add(Format.ratio(ratio));
						report.ratio(variant.figure + "-" + callers + "-" + delayMs + "ms", ratio.median());
					}
					ratios.row(cells.toArray());
				}
				System.out.println("Server: " + clients.describe());
			}
		}
		report.note("""
				With a server 20 ms away, as a nearby Pusher cluster is, throughput is bound by latency and \
				connections: `Pusher.trigger` opens at most 2 connections per host. With a server that answers \
				at once, client and server share the machine's cores, so CPU bounds every client.""");
		return report;
	}

	private static double[][] measure(TriggerClients clients, Case current, int rounds, int warmUp, double slotSeconds)
			throws Exception {
		double[][] rates = new double[Variant.values().length][rounds];
		ExecutorService callers = Executors.newFixedThreadPool(current.callers());
		try {
			for (int round = -warmUp; round < rounds; round++) {
				double[] measured = new double[Variant.values().length];
				for (int i = 0; i < Variant.values().length; i++) {
					Variant variant = Variant.values()[Math.floorMod(round + i, Variant.values().length)];
					measured[variant.ordinal()] = slot(callers, current.callers(), clients, variant, slotSeconds);
				}
				System.out.printf(Locale.ROOT, "%s, %d caller(s), %s: %s events/s; %s%n", current.server(),
						current.callers(), Format.round(round, warmUp), Format.count(measured[0]),
						describeRatios(measured));
				if (round >= 0) {
					for (Variant variant : Variant.values()) {
						rates[variant.ordinal()][round] = measured[variant.ordinal()];
					}
				}
			}
		}
		finally {
			callers.shutdownNow();
		}
		return rates;
	}

	/**
	 * Every caller calls until the slot ends.
	 * @return events per second, all callers together
	 */
	private static double slot(ExecutorService callers, int count, TriggerClients clients, Variant variant,
			double seconds) throws Exception {
		long begin = System.nanoTime();
		long deadline = begin + (long) (seconds * 1e9);
		List<Callable<Long>> tasks = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			tasks.add(() -> {
				long events = 0;
				while (System.nanoTime() < deadline) {
					events += variant.call(clients);
				}
				return events;
			});
		}
		long events = 0;
		for (Future<Long> done : callers.invokeAll(tasks)) {
			events += done.get();
		}
		return events * 1e9 / (System.nanoTime() - begin);
	}

	private static double[] ratiosTo(double[][] rates, Variant variant) {
		double[] ratios = new double[rates[0].length];
		for (int round = 0; round < ratios.length; round++) {
			ratios[round] = rates[variant.ordinal()][round] / rates[Variant.RAW.ordinal()][round];
		}
		return ratios;
	}

	private static String describeRatios(double[] measured) {
		List<String> parts = new ArrayList<>();
		for (Variant variant : List.of(Variant.SYNC, Variant.ASYNC, Variant.IN_FLIGHT)) {
			parts.add(variant.figure + " " + Format.ratio(measured[variant.ordinal()] / measured[0]));
		}
		return String.join(", ", parts);
	}

	/**
	 * One case: how many callers, and how long the server waits before it answers.
	 */
	private record Case(int callers, long delayMs) {

		String server() {
			return (this.delayMs == 0) ? "answers at once" : "answers after " + this.delayMs + " ms";
		}

	}

	private enum Variant {

		RAW("raw") {
			@Override
			int call(TriggerClients clients) {
				clients.rawPusher();
				return 1;
			}
		},

		SYNC("sync") {
			@Override
			int call(TriggerClients clients) {
				clients.templateSync();
				return 1;
			}
		},

		ASYNC("async") {
			@Override
			int call(TriggerClients clients) {
				clients.templateAsync();
				return 1;
			}
		},

		IN_FLIGHT("in-flight") {
			@Override
			int call(TriggerClients clients) {
				clients.templateAsyncInFlight(REQUESTS_IN_FLIGHT);
				return REQUESTS_IN_FLIGHT;
			}
		};

		private final String figure;

		Variant(String figure) {
			this.figure = figure;
		}

		/**
		 * Trigger once.
		 * @return how many events were triggered
		 */
		abstract int call(TriggerClients clients);

	}

}
