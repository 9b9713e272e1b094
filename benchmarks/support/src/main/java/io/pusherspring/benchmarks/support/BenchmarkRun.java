package io.pusherspring.benchmarks.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One run of a benchmark's entry point, in full or as a smoke test, and the files it
 * leaves: {@code <name>.adoc} (the {@link Report} under a head that states the command,
 * the date and the machine) and {@code logs/<name>.txt} (everything the run printed).
 * <p>
 * Arguments: {@code --smoke} for a seconds-long run of one short round, whose figures
 * mean nothing but whose failures are real; {@code --results DIR} for where the files go
 * (by default {@code benchmarks/results} for a full run, which must then start from the
 * repository's root, and {@code target/benchmark-results} for a smoke run); any other
 * argument is the benchmark's own, by position. The system property
 * {@code benchmark.command} names the command that runs it again, and
 * {@code benchmark.commit} the commit measured ({@code benchmarks/run} sets both).
 */
public final class BenchmarkRun {

	static final Path RESULTS = Path.of("benchmarks", "results");

	static final Path SMOKE_RESULTS = Path.of("target", "benchmark-results");

	/** The folder of the logs, in the results folder. */
	static final String LOGS = "logs";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final String name;

	private final Class<?> mainClass;

	private final boolean smoke;

	private final Path results;

	private final List<String> arguments;

	private final Map<String, String> parameters = new LinkedHashMap<>();

	private BenchmarkRun(String name, Class<?> mainClass, boolean smoke, Path results, List<String> arguments) {
		this.name = name;
		this.mainClass = mainClass;
		this.smoke = smoke;
		this.results = results;
		this.arguments = arguments;
	}

	/**
	 * Run a benchmark from its {@code main} method, and write its result files.
	 * @param name the benchmark's name, which names its result files
	 * @param args the command line
	 * @param benchmark the benchmark
	 * @return the AsciiDoc file written
	 * @throws Exception if the benchmark fails or measured nothing
	 */
	public static Path main(String name, String[] args, Benchmark benchmark) throws Exception {
		Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
		return parse(name, caller, args).execute(benchmark);
	}

	/**
	 * Run a benchmark whose entry point is another class's {@code main} method, and write
	 * its result files.
	 * @param mainClass the class whose {@code main} method runs it
	 * @param name the benchmark's name, which names its result files
	 * @param args the command line
	 * @param benchmark the benchmark
	 * @return the AsciiDoc file written
	 * @throws Exception if the benchmark fails or measured nothing
	 */
	public static Path main(Class<?> mainClass, String name, String[] args, Benchmark benchmark) throws Exception {
		return parse(name, mainClass, args).execute(benchmark);
	}

	static BenchmarkRun parse(String name, Class<?> mainClass, String[] args) {
		boolean smoke = false;
		Path results = null;
		List<String> arguments = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--smoke")) {
				smoke = true;
			}
			else if (args[i].equals("--results")) {
				if (i + 1 == args.length) {
					throw new IllegalArgumentException("--results needs a directory");
				}
				results = Path.of(args[++i]);
			}
			else {
				arguments.add(args[i]);
			}
		}
		if (results == null) {
			results = smoke ? SMOKE_RESULTS : RESULTS;
			if (!smoke && !Files.isDirectory(results)) {
				throw new IllegalArgumentException("No " + results + " here: start from the repository's root "
						+ "(benchmarks/run " + name + ") or pass --results DIR");
			}
		}
		return new BenchmarkRun(name, mainClass, smoke, results, List.copyOf(arguments));
	}

	/**
	 * Whether this is a smoke run: one short round, to prove that the benchmark still
	 * runs and measures something.
	 * @return {@code true} for a smoke run
	 */
	public boolean isSmoke() {
		return this.smoke;
	}

	/**
	 * The benchmark's own arguments, by position.
	 * @return the arguments other than {@code --smoke} and {@code --results}
	 */
	public List<String> arguments() {
		return this.arguments;
	}

	/**
	 * A whole-number parameter: the argument at a position if given, otherwise the
	 * default for this kind of run. The value in effect goes into the report.
	 * @param position the argument's position
	 * @param name what it is, such as {@code rounds}
	 * @param full the default for a full run
	 * @param smoke the default for a smoke run
	 * @return the value
	 */
	public int integer(int position, String name, int full, int smoke) {
		int value = (position < this.arguments.size()) ? Integer.parseInt(this.arguments.get(position))
				: (this.smoke ? smoke : full);
		this.parameters.put(name, Integer.toString(value));
		return value;
	}

	/**
	 * A decimal parameter, like {@link #integer}.
	 * @param position the argument's position
	 * @param name what it is, such as {@code seconds}
	 * @param full the default for a full run
	 * @param smoke the default for a smoke run
	 * @return the value
	 */
	public double decimal(int position, String name, double full, double smoke) {
		double value = (position < this.arguments.size()) ? Double.parseDouble(this.arguments.get(position))
				: (this.smoke ? smoke : full);
		this.parameters.put(name, (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value));
		return value;
	}

	/**
	 * Record a parameter that does not come from the arguments, so that the report states
	 * it.
	 * @param name what it is
	 * @param value its value
	 */
	public void parameter(String name, Object value) {
		this.parameters.put(name, String.valueOf(value));
	}

	Path execute(Benchmark benchmark) throws Exception {
		Instant start = Instant.now();
		double loadBefore = Machine.loadAverage();
		PrintStream original = System.out;
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		PrintStream tee = new PrintStream(new Tee(original, log), true, StandardCharsets.UTF_8);
		System.setOut(tee);
		Report report;
		try {
			System.out.println(this.name + (this.smoke ? " (smoke run)" : "") + ", load average " + loadBefore);
			report = benchmark.run(this);
		}
		finally {
			tee.flush();
			System.setOut(original);
		}
		report.validate();
		Duration took = Duration.between(start, Instant.now());
		RunDescription run = new RunDescription(this.name, this.smoke, command(), this.mainClass.getName(),
				this.parameters.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + ": " + entry.getValue())
					.collect(Collectors.joining("; ")),
				DATE.format(start), duration(took), System.getProperty("benchmark.commit"), Machine.current(),
				String.format(Locale.ROOT, "%.2f at the start, %.2f at the end", loadBefore, Machine.loadAverage()));
		Path text = this.results.resolve(LOGS).resolve(this.name + ".txt");
		Files.createDirectories(text.getParent());
		Files.write(text, log.toByteArray());
		Path adoc = this.results.resolve(this.name + ".adoc");
		Files.writeString(adoc, report.toAsciiDoc(run));
		System.out.println(this.name + ": " + report.ratios() + "; written to " + adoc + " and " + text);
		return adoc;
	}

	private String command() {
		String command = System.getProperty("benchmark.command");
		if (command != null && !command.isBlank()) {
			return command;
		}
		List<String> words = new ArrayList<>();
		words.add("java");
		words.add(this.mainClass.getName());
		if (this.smoke) {
			words.add("--smoke");
		}
		words.addAll(this.arguments);
		return String.join(" ", words);
	}

	private static String duration(Duration took) {
		long seconds = Math.max(1, Math.round(took.toMillis() / 1000.0));
		return (seconds < 60) ? seconds + " s" : (seconds / 60) + " min " + (seconds % 60) + " s";
	}

	/**
	 * Writes to the console and to the log at once.
	 */
	private static final class Tee extends OutputStream {

		private final OutputStream console;

		private final OutputStream log;

		Tee(OutputStream console, OutputStream log) {
			this.console = console;
			this.log = log;
		}

		@Override
		public synchronized void write(int b) throws IOException {
			this.console.write(b);
			this.log.write(b);
		}

		@Override
		public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
			this.console.write(bytes, offset, length);
			this.log.write(bytes, offset, length);
		}

		@Override
		public void flush() throws IOException {
			this.console.flush();
		}

	}

}
