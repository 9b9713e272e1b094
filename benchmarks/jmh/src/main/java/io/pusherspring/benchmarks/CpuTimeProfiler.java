package io.pusherspring.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the whole benchmark JVM (callers, HTTP client threads and the in-process
 * server) per operation, and the share of the machine's cores it used. Unlike throughput,
 * CPU per event hardly depends on what else the machine is running, so it compares the
 * clients' costs even on a shared machine.
 * <p>
 * {@code java -jar benchmarks.jar -prof io.pusherspring.benchmarks.CpuTimeProfiler}
 */
public class CpuTimeProfiler implements InternalProfiler {

	private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final Map<Long, Long> callersStart = new HashMap<>();

	private long cpuStart;

	private long wallStart;

	@Override
	public String getDescription() {
		return "Process CPU time per operation";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.callersStart.clear();
		for (ThreadInfo thread : callers()) {
			this.callersStart.put(thread.getThreadId(), this.threads.getThreadCpuTime(thread.getThreadId()));
		}
		this.cpuStart = this.os.getProcessCpuTime();
		this.wallStart = System.nanoTime();
	}

	private List<ThreadInfo> callers() {
		return Arrays.stream(this.threads.getThreadInfo(this.threads.getAllThreadIds()))
			.filter((thread) -> thread != null && thread.getThreadName().contains("jmh-worker"))
			.toList();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
			IterationResult result) {
		long cpu = this.os.getProcessCpuTime() - this.cpuStart;
		long wall = System.nanoTime() - this.wallStart;
		long callersCpu = 0;
		for (ThreadInfo thread : callers()) {
			long now = this.threads.getThreadCpuTime(thread.getThreadId());
			if (now >= 0) {
				callersCpu += now - this.callersStart.getOrDefault(thread.getThreadId(), 0L);
			}
		}
		long ops = result.getMetadata().getAllOps();
		double perOp = (ops > 0) ? (double) cpu / ops / 1000 : Double.NaN;
		double callersPerOp = (ops > 0) ? (double) callersCpu / ops / 1000 : Double.NaN;
		double share = 100.0 * cpu / wall / Runtime.getRuntime().availableProcessors();
		return List.of(new ScalarResult("cpu.time.norm", perOp, "us/op", AggregationPolicy.AVG),
				new ScalarResult("cpu.callers.norm", callersPerOp, "us/op", AggregationPolicy.AVG),
				new ScalarResult("cpu.share", share, "%", AggregationPolicy.AVG));
	}

}
