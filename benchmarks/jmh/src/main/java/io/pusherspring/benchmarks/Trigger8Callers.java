package io.pusherspring.benchmarks;

import org.openjdk.jmh.annotations.Threads;

/**
 * {@link TriggerBenchmark} with eight concurrent callers.
 */
@Threads(8)
public class Trigger8Callers extends TriggerBenchmark {

}
