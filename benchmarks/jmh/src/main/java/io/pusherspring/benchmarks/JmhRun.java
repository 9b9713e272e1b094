package io.pusherspring.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.pusherspring.benchmarks.support.BenchmarkRun;
import io.pusherspring.benchmarks.support.Format;
import io.pusherspring.benchmarks.support.Report;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs one JMH benchmark class through JMH's {@link Runner}, with the GC profiler and
 * {@link CpuTimeProfiler}, and reports each method's score, allocation and CPU time per
 * operation as ratios to the baseline method measured in the same run, for each
 * configuration (parameters and threads). A smoke run forks no JVM and measures one
 * iteration of 100 ms per method; arguments are JMH's own options (for example
 * {@code -f 2}).
 */
final class JmhRun {

	private static final Map<String, String> SECONDARY = new LinkedHashMap<>();

	/**
	 * How much faster the last measured iteration may be than the first before the report
	 * says that the JVM was still warming up.
	 */
	private static final double STILL_WARMING_UP = 1.3;

	static {
		SECONDARY.put("gc.alloc.rate.norm", "Allocated per operation (B/op), ratio to the baseline");
		SECONDARY.put("cpu.time.norm", "CPU time of the whole JVM per operation (µs/op), ratio to the baseline");
	}

	private JmhRun() {
	}

	/**
	 * Run a JMH benchmark and report it.
	 * @param spec what to run and how to report it
	 * @param args the command line
	 * @throws Exception if a benchmark fails or measured nothing
	 */
	static void main(Spec spec, String[] args) throws Exception {
		BenchmarkRun.main(spec.mainClass(), spec.name(), args, (run) -> run(spec, run));
	}

	private static Report run(Spec spec, BenchmarkRun run) throws Exception {
		ChainedOptionsBuilder options = new OptionsBuilder()
			.parent(new CommandLineOptions(run.arguments().toArray(String[]::new)))
			.include(run.isSmoke() ? spec.smokeInclude() : spec.include())
			.addProfiler(GCProfiler.class)
			.addProfiler(CpuTimeProfiler.class)
			.shouldFailOnError(true);
		if (run.isSmoke()) {
			options.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
			spec.smokeParameters().forEach(options::param);
		}
		if (!run.arguments().isEmpty()) {
			run.parameter("JMH options", String.join(" ", run.arguments()));
		}
		Collection<RunResult> results = new Runner(options.build()).run();
		if (results.isEmpty()) {
			throw new IllegalStateException("JMH ran no benchmark for " + spec.include());
		}
		return report(spec, results);
	}

	private static Report report(Spec spec, Collection<RunResult> results) {
		// configuration -> method -> result
		Map<String, Map<String, RunResult>> byConfiguration = new LinkedHashMap<>();
		Set<String> methods = new LinkedHashSet<>(spec.methods());
		for (RunResult result : results) {
			String benchmark = result.getParams().getBenchmark();
			String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
			methods.add(method);
			byConfiguration
				.computeIfAbsent(spec.configuration().apply(result.getParams()), (key) -> new LinkedHashMap<>())
				.put(method, result);
		}
		methods.retainAll(byConfiguration.values().stream().flatMap((row) -> row.keySet().stream()).toList());
		Report report = new Report(spec.title(), spec.description());
		Mode mode = results.iterator().next().getParams().getMode();
		String unit = results.iterator().next().getPrimaryResult().getScoreUnit();
		String primary = (mode == Mode.Throughput) ? "Throughput (" + unit + "), ratio to " + spec.baseline()
				: "Time per operation (" + unit + "), ratio to " + spec.baseline();
		table(report, primary + " in the same run", methods, spec, byConfiguration,
				(result) -> result.getPrimaryResult(), true);
		SECONDARY.forEach((metric, title) -> {
			if (results.stream().anyMatch((result) -> result.getSecondaryResults().containsKey(metric))) {
				table(report, title, methods, spec, byConfiguration,
						(result) -> result.getSecondaryResults().get(metric), false);
			}
		});
		report.note("JMH measures one method after the other ("
				+ ((mode == Mode.Throughput) ? "higher is faster" : "lower is faster")
				+ "); each ratio's ± is the score errors (99.9%) propagated. On a shared "
				+ "machine the drift between two trials can be as large as a difference measured; the interleaved "
				+ "comparison of the same calls is steadier.");
		List<String> warming = stillWarmingUp(spec, results, mode);
		if (!warming.isEmpty()) {
			report.note("*Still warming up.* These got faster from the first measured iteration to the last (mean "
					+ "over the forks): " + String.join(", ", warming) + ". Their figures are those of JVMs whose "
					+ "JIT compiler had not finished, as happens when the machine's load leaves it little CPU: "
					+ "prefer the interleaved comparison, or run this again on a quieter machine.");
		}
		return report;
	}

	private static List<String> stillWarmingUp(Spec spec, Collection<RunResult> results, Mode mode) {
		List<String> warming = new ArrayList<>();
		for (RunResult result : results) {
			double first = 0;
			double last = 0;
			for (BenchmarkResult fork : result.getBenchmarkResults()) {
				List<IterationResult> iterations = new ArrayList<>(fork.getIterationResults());
				if (iterations.size() > 1) {
					first += iterations.get(0).getPrimaryResult().getScore();
					last += iterations.get(iterations.size() - 1).getPrimaryResult().getScore();
				}
			}
			double speedUp = (mode == Mode.Throughput) ? last / first : first / last;
			if (speedUp > STILL_WARMING_UP) {
				String benchmark = result.getParams().getBenchmark();
				warming.add(String.format(Locale.ROOT, "`%s` (%s) %.1f times",
						benchmark.substring(benchmark.lastIndexOf('.') + 1),
						spec.configuration().apply(result.getParams()), speedUp));
			}
		}
		return warming;
	}

	private static void table(Report report, String title, Set<String> methods, Spec spec,
			Map<String, Map<String, RunResult>> byConfiguration, Function<RunResult, Result<?>> metric,
			boolean figures) {
		List<String> columns = new ArrayList<>();
		columns.add("configuration");
		methods.forEach((method) -> columns.add("`" + method + "`"));
		Report.Table table = report.table(title, columns.toArray(String[]::new));
		byConfiguration.forEach((configuration, row) -> {
			List<String> cells = new ArrayList<>();
			cells.add(configuration);
			Result<?> baseline = (row.get(spec.baseline()) != null) ? metric.apply(row.get(spec.baseline())) : null;
			for (String method : methods) {
				RunResult result = row.get(method);
				Result<?> score = (result != null) ? metric.apply(result) : null;
				if (score == null) {
					cells.add("");
					continue;
				}
				String cell = Format.withError(score.getScore(), score.getScoreError());
				if (baseline != null && !method.equals(spec.baseline())) {
					double ratio = score.getScore() / baseline.getScore();
					double relative = Math.hypot(relativeError(score), relativeError(baseline));
					cell += String.format(Locale.ROOT, " (%.2f ± %.2f)", ratio, ratio * relative);
					if (figures) {
						report.ratio(slug(method) + spec.figureSuffix().apply(row.get(method).getParams()), ratio);
					}
				}
				cells.add(cell);
			}
			table.row(cells.toArray());
		});
	}

	private static double relativeError(Result<?> score) {
		return Double.isNaN(score.getScoreError()) ? 0 : score.getScoreError() / score.getScore();
	}

	/**
	 * {@code templateAsyncInFlight} to {@code template-async-in-flight}.
	 */
	static String slug(String method) {
		return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	/**
	 * What to run and how to report it.
	 *
	 * @param name the benchmark's name, which names its result files
	 * @param mainClass the class whose {@code main} runs it
	 * @param title the report's title
	 * @param description the report's description
	 * @param include the JMH include pattern of a full run
	 * @param smokeInclude the JMH include pattern of a smoke run
	 * @param smokeParameters the parameters of a smoke run, one value each
	 * @param baseline the method the others are compared with
	 * @param methods the methods in the order of the report's columns
	 * @param configuration a row's name, from a result's parameters
	 * @param figureSuffix what tells a row's figures apart, such as {@code -8-20ms}
	 */
	record Spec(String name, Class<?> mainClass, String title, String description, String include, String smokeInclude,
			Map<String, String> smokeParameters, String baseline, List<String> methods,
			Function<BenchmarkParams, String> configuration, Function<BenchmarkParams, String> figureSuffix) {

	}

}
