package io.pusherspring.benchmarks.support;

/**
 * One benchmark: measures, in full or as a smoke test as its {@link BenchmarkRun} says,
 * and reports what it measured.
 */
@FunctionalInterface
public interface Benchmark {

	/**
	 * Measure.
	 * @param run how long and how much to measure, and the arguments given
	 * @return the report, with at least one ratio to a baseline measured in the same run
	 * @throws Exception if the benchmark fails: a wrong answer, an unexpected status, an
	 * error in the code measured
	 */
	Report run(BenchmarkRun run) throws Exception;

}
