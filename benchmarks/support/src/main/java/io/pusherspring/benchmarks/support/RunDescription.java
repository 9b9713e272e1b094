package io.pusherspring.benchmarks.support;

/**
 * What ran, where and when: the head of a result file.
 *
 * @param benchmark the benchmark's name, such as {@code auth}
 * @param smoke whether this was a smoke run
 * @param command the command that runs it again, such as {@code benchmarks/run auth}
 * @param mainClass the entry point
 * @param parameters the parameters in effect, such as {@code rounds 12, seconds 10}
 * @param date when it started, in UTC
 * @param duration how long it took
 * @param commit the commit measured, {@code null} when unknown
 * @param machine the machine
 * @param loadAverages the load averages at the start and at the end
 */
record RunDescription(String benchmark, boolean smoke, String command, String mainClass, String parameters, String date,
		String duration, String commit, Machine machine, String loadAverages) {

}
