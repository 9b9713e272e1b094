package io.pusherspring.benchmarks.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine a benchmark ran on, as its result file states it.
 *
 * @param cores the processors the JVM sees ({@code nproc})
 * @param cpu the CPU model
 * @param memory the total memory
 * @param os the operating system, kernel and architecture
 * @param java the JVM and its version
 */
public record Machine(int cores, String cpu, String memory, String os, String java) {

	/**
	 * Describe this machine, from {@code /proc} and {@code /etc/os-release} where they
	 * exist.
	 * @return the description
	 */
	public static Machine current() {
		String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name", ':').orElse(System.getProperty("os.arch"));
		String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal", ':').map(Machine::gibibytes)
			.orElse(gibibytes(Runtime.getRuntime().maxMemory() / 1024 + " kB") + " (JVM maximum heap)");
		String distribution = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", '=')
			.map((name) -> name.replace("\"", "") + ", ")
			.orElse("");
		String os = distribution + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
				+ System.getProperty("os.arch") + ")";
		String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
		return new Machine(Runtime.getRuntime().availableProcessors(), cpu, memory, os, java);
	}

	/**
	 * The one-minute load average: how many processes were running or waiting for a core.
	 * @return the load average, or {@code NaN} where the system does not say
	 */
	public static double loadAverage() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		}
	}

	/**
	 * One line for a report.
	 * @return such as {@code 2 cores (AMD EPYC), 23.4 GiB of memory, Debian GNU/Linux 12}
	 */
	public String describe() {
		return this.cores + " cores (" + this.cpu + "), " + this.memory + " of memory, " + this.os;
	}

	private static Optional<String> firstValue(Path file, String key, char separator) {
		try {
			List<String> lines = Files.readAllLines(file);
			return lines.stream()
				.filter((line) -> line.startsWith(key) && line.indexOf(separator) > 0
						&& line.substring(0, line.indexOf(separator)).strip().equals(key))
				.map((line) -> line.substring(line.indexOf(separator) + 1).strip())
				.findFirst();
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static String gibibytes(String kilobytes) {
		long kib = Long.parseLong(kilobytes.replace("kB", "").strip());
		return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
	}

}
