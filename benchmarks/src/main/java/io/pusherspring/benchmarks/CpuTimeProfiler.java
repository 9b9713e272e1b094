package io.pusherspring.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

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
 *
 * @author pusher-spring-boot
 */
public class CpuTimeProfiler implements InternalProfiler {

	private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private long cpuStart;

	private long wallStart;

	@Override
	public String getDescription() {
		return "Process CPU time per operation";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.cpuStart = this.os.getProcessCpuTime();
		this.wallStart = System.nanoTime();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
			IterationResult result) {
		long cpu = this.os.getProcessCpuTime() - this.cpuStart;
		long wall = System.nanoTime() - this.wallStart;
		long ops = result.getMetadata().getAllOps();
		double perOp = (ops > 0) ? (double) cpu / ops / 1000 : Double.NaN;
		double share = 100.0 * cpu / wall / Runtime.getRuntime().availableProcessors();
		return List.of(new ScalarResult("cpu.time.norm", perOp, "us/op", AggregationPolicy.AVG),
				new ScalarResult("cpu.share", share, "%", AggregationPolicy.AVG));
	}

}
