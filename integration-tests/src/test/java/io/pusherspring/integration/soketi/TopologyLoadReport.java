package io.pusherspring.integration.soketi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.pusherspring.integration.soketi.LoadSubscriber.Latencies;
import io.pusherspring.integration.soketi.TopologyLoad.Result;

/**
 * The report of a load run: everything it measured, with the command, commit, machine and
 * date, as text and as an AsciiDoc fragment with the tags of the benchmarks' results
 * ({@code about}, {@code summary}, {@code figures}, {@code results}).
 */
final class TopologyLoadReport {

	private TopologyLoadReport() {
	}

	static String text(Result result, String command, Instant started, Duration took, String loadBefore,
			String loadAfter) {
		StringBuilder text = new StringBuilder();
		text.append("Topology load run: 2 soketi 1.6.1 nodes joined by Redis, 2 application instances")
			.append(System.lineSeparator());
		about().forEach((line) -> text.append(line).append(System.lineSeparator()));
		text.append("command: ").append(command).append(System.lineSeparator());
		text.append("date: ")
			.append(started)
			.append(", took ")
			.append(took.toSeconds())
			.append(" s")
			.append(System.lineSeparator());
		text.append("load average: ")
			.append(loadBefore)
			.append(" at the start, ")
			.append(loadAfter)
			.append(" at the end")
			.append(System.lineSeparator());
		text.append(result.describe()).append(System.lineSeparator());
		return text.toString();
	}

	static String asciidoc(Result result, String command, Instant started, Duration took, String loadBefore,
			String loadAfter) {
		Latencies all = result.all();
		String n = System.lineSeparator();
		StringBuilder adoc = new StringBuilder();
		adoc.append("// Written by SoketiClusterTests (").append(command).append("); do not edit.").append(n);
		adoc.append("// tag::about[]").append(n);
		adoc.append("[horizontal]").append(n);
		adoc.append("Command:: `").append(command).append('`').append(n);
		adoc.append("Test class:: `io.pusherspring.integration.soketi.SoketiClusterTests` (`TopologyLoad`)").append(n);
		adoc.append("Parameters:: ").append(result.settings()).append(n);
		adoc.append("Date:: ").append(started).append(" (").append(took.toSeconds()).append(" s)").append(n);
		for (String line : about()) {
			int colon = line.indexOf(": ");
			adoc.append(Character.toUpperCase(line.charAt(0)))
				.append(line, 1, colon)
				.append(":: ")
				.append(line.substring(colon + 2))
				.append(n);
		}
		adoc.append("Load average:: ")
			.append(loadBefore)
			.append(" at the start, ")
			.append(loadAfter)
			.append(" at the end")
			.append(n);
		adoc.append("// end::about[]").append(n).append(n);
		adoc.append("// tag::summary[]").append(n);
		adoc.append("Two soketi 1.6.1 nodes joined by soketi's Redis adapter, and two instances of one application, ")
			.append("each publishing through its own node at a fixed rate to public channels that clients on both ")
			.append("nodes subscribe to. Every event carries the moment it was published and every client notes when ")
			.append("it arrived: the latency is from the start of `PusherOperations.trigger` to the client's receipt, ")
			.append("for clients on the publisher's node (the baseline) and on the other node (one more hop, ")
			.append("through Redis).")
			.append(n);
		adoc.append("// end::summary[]").append(n).append(n);
		adoc.append("// tag::figures[]").append(n);
		figure(adoc, "published", Long.toString(result.published()));
		figure(adoc, "delivered", Long.toString(result.delivered()));
		figure(adoc, "lost", Long.toString(result.lost()));
		figure(adoc, "duplicated", Long.toString(result.duplicated()));
		figure(adoc, "p50-ms", Result.millis(all.percentile(50)));
		figure(adoc, "p99-ms", Result.millis(all.percentile(99)));
		figure(adoc, "same-node-p50-ms", Result.millis(result.sameNode().percentile(50)));
		figure(adoc, "other-node-p50-ms", Result.millis(result.otherNode().percentile(50)));
		figure(adoc, "other-node-ratio",
				Result.ratio(result.otherNode().percentile(50), result.sameNode().percentile(50)));
		adoc.append("// end::figures[]").append(n).append(n);
		adoc.append("// tag::results[]").append(n);
		adoc.append(".Events published, delivered, lost and duplicated").append(n);
		adoc.append("|===")
			.append(n)
			.append("| published | deliveries owed | delivered | lost | duplicated")
			.append(n)
			.append(n);
		adoc.append("| ")
			.append(result.published())
			.append(" | ")
			.append(result.expected())
			.append(" | ")
			.append(result.delivered())
			.append(" | ")
			.append(result.lost())
			.append(" | ")
			.append(result.duplicated())
			.append(n);
		adoc.append("|===").append(n).append(n);
		adoc.append(".Publish-to-receipt latency (ms)").append(n);
		adoc.append("|===")
			.append(n)
			.append("| clients | deliveries | p50 | p99 | p50 / publisher's node")
			.append(n)
			.append(n);
		row(adoc, "on the publisher's node (baseline)", result.sameNode(), result.sameNode());
		row(adoc, "on the other node", result.otherNode(), result.sameNode());
		row(adoc, "all", all, result.sameNode());
		adoc.append("|===").append(n).append(n);
		adoc.append("The machine is shared with other builds, so the absolute latencies move with its load (see ")
			.append("the load average above); the counts do not.")
			.append(n);
		adoc.append("// end::results[]").append(n);
		return adoc.toString();
	}

	private static void figure(StringBuilder adoc, String name, String value) {
		adoc.append(":benchmark-topology-load-").append(name).append(": ").append(value).append(System.lineSeparator());
	}

	private static void row(StringBuilder adoc, String clients, Latencies latencies, Latencies baseline) {
		adoc.append("| ")
			.append(clients)
			.append(" | ")
			.append(latencies.size())
			.append(" | ")
			.append(Result.millis(latencies.percentile(50)))
			.append(" | ")
			.append(Result.millis(latencies.percentile(99)))
			.append(" | ")
			.append(Result.ratio(latencies.percentile(50), baseline.percentile(50)))
			.append(System.lineSeparator());
	}

	private static List<String> about;

	/**
	 * What the run ran on: commit, machine, Java, Node, Redis; asked once, before the run
	 * writes its files.
	 */
	private static synchronized List<String> about() {
		if (about == null) {
			about = describeRun();
		}
		return about;
	}

	private static List<String> describeRun() {
		String commit = command("git", "rev-parse", "--short", "HEAD");
		String dirty = command("git", "status", "--porcelain");
		return List.of(
				"commit: " + commit + (dirty.isEmpty() || "unknown".equals(dirty) ? "" : " (with uncommitted changes)"),
				"machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, " + cpuModel() + ", " + memory()
						+ ", " + os(),
				"Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
				"Node: " + command("node", "--version"), "Redis: " + command("redis-server", "--version"));
	}

	private static String cpuModel() {
		return line(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
	}

	private static String memory() {
		return line(Path.of("/proc/meminfo"), "MemTotal")
			.map((total) -> Math.round(Long.parseLong(total.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GiB")
			.orElse("unknown memory");
	}

	private static String os() {
		return line(Path.of("/etc/os-release"), "PRETTY_NAME").map((name) -> name.replace("\"", ""))
			.orElse(System.getProperty("os.name"));
	}

	private static Optional<String> line(Path file, String name) {
		try {
			return Files.readAllLines(file)
				.stream()
				.filter((line) -> line.startsWith(name))
				.findFirst()
				.map((line) -> line.substring(line.indexOf(line.contains(":") ? ':' : '=') + 1).trim());
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	static String loadAverage() {
		try {
			List<String> parts = List.of(Files.readString(Path.of("/proc/loadavg")).trim().split(" "));
			return String.join(" ", parts.subList(0, 3));
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	static String command(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : "unknown";
		}
		catch (IOException ex) {
			return "unknown";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

}
