package io.pusherspring.benchmarks;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints the figures of a JMH JSON result ({@code -rf json -rff results.json}) of
 * {@link TriggerBenchmark}, one row per server delay and number of callers, and the
 * ratios of the template to pusher-http-java's {@code Pusher.trigger} in the same run.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar io.pusherspring.benchmarks.BenchmarkReport results.json}
 */
public final class BenchmarkReport {

	private static final List<String> BENCHMARKS = List.of("rawPusher", "templateSync", "templateAsync",
			"templateAsyncInFlight", "transportSync");

	private static final String RAW = "rawPusher";

	private static final String THROUGHPUT = "";

	/** Secondary metrics shown when the run had the matching profiler. */
	private static final Map<String, String> SECONDARY = new LinkedHashMap<>();

	static {
		SECONDARY.put("cpu.time.norm",
				"Process CPU per event (us/op, -prof io.pusherspring.benchmarks.CpuTimeProfiler)");
		SECONDARY.put("cpu.callers.norm", "CPU of the calling threads alone per event (us/op, same profiler)");
		SECONDARY.put("cpu.share", "Share of the machine's cores used by the benchmark JVM (%)");
		SECONDARY.put("gc.alloc.rate.norm", "Allocated per event (B/op, -prof gc)");
	}

	private BenchmarkReport() {
	}

	public static void main(String[] args) throws Exception {
		Path results = Path.of((args.length > 0) ? args[0] : "results.json");
		print(JsonMapper.shared().readTree(Files.readString(results)), System.out);
	}

	static void print(JsonNode results, PrintStream out) {
		// metric -> (delay, callers) -> benchmark -> score
		Map<String, Map<Configuration, Map<String, Score>>> metrics = new TreeMap<>();
		for (JsonNode result : results.values()) {
			String name = result.path("benchmark").asString();
			String method = name.substring(name.lastIndexOf('.') + 1);
			Configuration configuration = new Configuration(result.path("params").path("delayMs").asInt(),
					result.path("threads").asInt());
			put(metrics, THROUGHPUT, configuration, method, result.path("primaryMetric"));
			for (String secondary : SECONDARY.keySet()) {
				JsonNode metric = result.path("secondaryMetrics").path(secondary);
				if (metric.isObject()) {
					put(metrics, secondary, configuration, method, metric);
				}
			}
		}
		Map<Configuration, Map<String, Score>> throughput = metrics.getOrDefault(THROUGHPUT, Map.of());
		List<String> benchmarks = columns(throughput);
		table(out, "Events per second (ops/s ± 99.9% error)", benchmarks, throughput);
		SECONDARY.forEach((metric, title) -> {
			if (metrics.containsKey(metric)) {
				table(out, title, benchmarks, metrics.get(metric));
			}
		});
		List<String> compared = benchmarks.stream().filter((benchmark) -> !RAW.equals(benchmark)).toList();
		out.println("Ratios to " + RAW + " in the same run (± propagated error)");
		out.printf("%-7s %-7s", "delay", "callers");
		for (String benchmark : compared) {
			out.printf(" %22s", benchmark);
		}
		out.println("   target");
		throughput.forEach((configuration, row) -> {
			Score raw = row.get(RAW);
			out.printf("%-7s %-7d", configuration.delayMs() + "ms", configuration.threads());
			for (String benchmark : compared) {
				Score score = row.get(benchmark);
				out.printf(" %22s", (score != null && raw != null) ? score.ratioTo(raw) : "-");
			}
			out.printf("   %s%n", target(configuration, row));
		});
	}

	/**
	 * The benchmarks of the run: the compared ones in a fixed order, then any other
	 * (diagnostics and prototypes) by name.
	 */
	private static List<String> columns(Map<Configuration, Map<String, Score>> scores) {
		Set<String> present = new TreeSet<>();
		scores.values().forEach((row) -> present.addAll(row.keySet()));
		List<String> columns = new ArrayList<>();
		for (String benchmark : BENCHMARKS) {
			if (present.remove(benchmark)) {
				columns.add(benchmark);
			}
		}
		columns.addAll(present);
		return columns;
	}

	private static void put(Map<String, Map<Configuration, Map<String, Score>>> metrics, String metric,
			Configuration configuration, String method, JsonNode node) {
		metrics.computeIfAbsent(metric, (key) -> new TreeMap<>())
			.computeIfAbsent(configuration, (key) -> new TreeMap<>())
			.put(method, new Score(number(node.path("score")), number(node.path("scoreError"))));
	}

	private static void table(PrintStream out, String title, List<String> benchmarks,
			Map<Configuration, Map<String, Score>> scores) {
		out.println(title);
		out.printf("%-7s %-7s", "delay", "callers");
		for (String benchmark : benchmarks) {
			out.printf(" %22s", benchmark);
		}
		out.println();
		scores.forEach((configuration, row) -> {
			out.printf("%-7s %-7d", configuration.delayMs() + "ms", configuration.threads());
			for (String benchmark : benchmarks) {
				Score score = row.get(benchmark);
				out.printf(" %22s", (score != null) ? score.format() : "-");
			}
			out.println();
		});
		out.println();
	}

	/**
	 * JMH writes a score error it cannot compute, as with a single iteration, as the
	 * string {@code "NaN"}.
	 */
	private static double number(JsonNode node) {
		return node.isNumber() ? node.doubleValue() : Double.NaN;
	}

	private static String target(Configuration configuration, Map<String, Score> row) {
		Score raw = row.get(RAW);
		if (raw == null) {
			return "";
		}
		if (configuration.threads() == 1) {
			return verdict("sync >= 0.9x", row.get("templateSync"), raw, 0.9);
		}
		return verdict("sync >= 3x", row.get("templateSync"), raw, 3) + ", "
				+ verdict("async >= 3x", row.get("templateAsync"), raw, 3) + ", "
				+ verdict("asyncK >= 3x", row.get("templateAsyncInFlight"), raw, 3);
	}

	private static String verdict(String label, Score score, Score raw, double target) {
		if (score == null) {
			return label + ": -";
		}
		return label + ": " + ((score.value() / raw.value() >= target) ? "met" : "MISSED");
	}

	private record Configuration(int delayMs, int threads) implements Comparable<Configuration> {

		@Override
		public int compareTo(Configuration other) {
			int byDelay = Integer.compare(this.delayMs, other.delayMs);
			return (byDelay != 0) ? byDelay : Integer.compare(this.threads, other.threads);
		}

	}

	private record Score(double value, double error) {

		String format() {
			if (this.value < 100) {
				return String.format("%.1f ± %.1f", this.value, Double.isNaN(this.error) ? 0 : this.error);
			}
			return String.format("%.0f ± %.0f", this.value, Double.isNaN(this.error) ? 0 : this.error);
		}

		String ratioTo(Score raw) {
			double ratio = this.value / raw.value;
			double relative = Math.hypot(relativeError(this), relativeError(raw));
			return String.format("%.2f ± %.2f", ratio, ratio * relative);
		}

		private static double relativeError(Score score) {
			return Double.isNaN(score.error) ? 0 : score.error / score.value;
		}

	}

}
