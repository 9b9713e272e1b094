package io.pusherspring.benchmarks;

import org.openjdk.jmh.annotations.Threads;

/**
 * {@link TriggerBenchmark} with one caller.
 */
@Threads(1)
public class Trigger1Caller extends TriggerBenchmark {

}
