package io.pusherspring.benchmarks.startup;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import io.pusherspring.benchmarks.StubPusherApi;
import io.pusherspring.autoconfigure.PusherConnectionDetails;
import io.pusherspring.core.PusherOperations;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * What the starter adds to the start-up of the sample application: the time from
 * {@code SpringApplication.run} to {@code ApplicationStartedEvent} (context refreshed,
 * Tomcat started), with the starter's auto-configurations and with all of them excluded
 * (a no-op {@code PusherOperations} bean in their place, so that the sample's own beans
 * start), in alternating order in one process, after warm-up rounds. Prints each round,
 * the medians and the median of the per-round differences.
 * <p>
 * {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt):sample-app/target/classes" io.pusherspring.benchmarks.startup.StartupCost [rounds] [warm-up rounds]}
 * <p>
 * With {@code fresh} as the first argument, each start is a new JVM instead (alternating
 * variants, {@code [rounds]} of each), measured from the JVM's start, so that class
 * loading and a cold JIT are included. With {@code steps [cold] [filter] [without]},
 * prints the start-up steps of the beans whose name or type contains the filter
 * ({@code pusher} unless given; {@code all} for every bean) that took longest, in one
 * warm (or the first) start with (or without) the starter.
 */
public final class StartupCost {

	static final String SAMPLE_APPLICATION = "io.pusherspring.sample.SampleApplication";

	private StartupCost() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("child")) {
			child(args[1].equals("with"), Integer.parseInt(args[2]));
			return;
		}
		if (args.length > 0 && args[0].equals("steps")) {
			List<String> options = Arrays.asList(args).subList(1, args.length);
			String filter = options.stream()
				.filter((option) -> !option.equals("cold") && !option.equals("without"))
				.findFirst()
				.orElse("pusher");
			boolean cold = options.contains("cold");
			boolean without = options.contains("without");
			steps(cold, !without, filter.toLowerCase(Locale.ROOT));
			return;
		}
		boolean fresh = args.length > 0 && args[0].equals("fresh");
		String[] numbers = fresh ? Arrays.copyOfRange(args, 1, args.length) : args;
		int rounds = (numbers.length > 0) ? Integer.parseInt(numbers[0]) : 15;
		int warmUp = (numbers.length > 1) ? Integer.parseInt(numbers[1]) : (fresh ? 1 : 5);
		try (StubPusherApi stub = new StubPusherApi(0)) {
			System.out.printf(Locale.ROOT, "%s, %d warm-up and %d measured rounds, load average %s%n",
					fresh ? "a new JVM per start (time from JVM start)" : "one process (time from run)", warmUp, rounds,
					loadAverage());
			double[] with = new double[rounds];
			double[] without = new double[rounds];
			for (int round = -warmUp; round < rounds; round++) {
				boolean withFirst = (round % 2 == 0);
				double first = fresh ? startFresh(withFirst, stub.getPort()) : start(withFirst, stub.getPort());
				double second = fresh ? startFresh(!withFirst, stub.getPort()) : start(!withFirst, stub.getPort());
				double withMs = withFirst ? first : second;
				double withoutMs = withFirst ? second : first;
				System.out.printf(Locale.ROOT, "%s round %d: with %.1f ms, without %.1f ms, difference %.1f ms%n",
						(round < 0) ? "warm-up" : "measured", round, withMs, withoutMs, withMs - withoutMs);
				if (round >= 0) {
					with[round] = withMs;
					without[round] = withoutMs;
				}
			}
			report(with, without);
			System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
		}
	}

	private static void report(double[] with, double[] without) {
		double[] differences = new double[with.length];
		for (int i = 0; i < with.length; i++) {
			differences[i] = with[i] - without[i];
		}
		double[] sorted = differences.clone();
		Arrays.sort(sorted);
		System.out.printf(Locale.ROOT,
				"median: with %.1f ms, without %.1f ms; added by the starter: median %.1f ms "
						+ "(interquartile %.1f to %.1f ms, mean %.1f ms), ratio of medians %.3f%n",
				median(with), median(without), median(differences), sorted[sorted.length / 4],
				sorted[3 * sorted.length / 4], Arrays.stream(differences).average().orElse(0),
				median(with) / median(without));
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * Start and stop the sample once in this JVM.
	 * @return milliseconds from {@code run} to {@code ApplicationStartedEvent}
	 */
	static double start(boolean withStarter, int stubPort) throws Exception {
		System.gc();
		SpringApplication application = application(withStarter, stubPort);
		StartedAt started = new StartedAt();
		application.addListeners(started);
		long begin = System.nanoTime();
		try (ConfigurableApplicationContext context = application.run()) {
			return (started.nanos - begin) / 1e6;
		}
	}

	private static double startFresh(boolean withStarter, int stubPort) throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				StartupCost.class.getName(), "child", withStarter ? "with" : "without", Integer.toString(stubPort))
			.redirectErrorStream(true)
			.start();
		String last = null;
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				last = line;
			}
		}
		if (process.waitFor() != 0 || last == null || !last.startsWith("started ")) {
			throw new IllegalStateException("The child JVM failed: " + last);
		}
		return Double.parseDouble(last.substring("started ".length()));
	}

	private static void child(boolean withStarter, int stubPort) {
		SpringApplication application = application(withStarter, stubPort);
		StartedAt started = new StartedAt();
		application.addListeners(started);
		try (ConfigurableApplicationContext context = application.run()) {
			System.out.printf(Locale.ROOT, "started %.1f%n", started.uptimeMillis);
		}
	}

	private static void steps(boolean cold, boolean withStarter, String filter) throws Exception {
		try (StubPusherApi stub = new StubPusherApi(0)) {
			for (int i = 0; i < (cold ? 0 : 5); i++) {
				start(withStarter, stub.getPort());
			}
			SpringApplication application = application(withStarter, stub.getPort());
			BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
			application.setApplicationStartup(startup);
			try (ConfigurableApplicationContext context = application.run()) {
				Map<String, Double> millis = new LinkedHashMap<>();
				startup.getBufferedTimeline().getEvents().forEach((event) -> {
					StartupStep step = event.getStartupStep();
					String bean = StreamSupport.stream(step.getTags().spliterator(), false)
						.filter((tag) -> tag.getKey().equals("beanName") || tag.getKey().equals("beanType"))
						.map(StartupStep.Tag::getValue)
						.collect(Collectors.joining(" "));
					if (filter.equals("all") || bean.toLowerCase(Locale.ROOT).contains(filter)) {
						millis.merge(step.getName() + " " + bean, event.getDuration().toNanos() / 1e6, Double::sum);
					}
				});
				millis.entrySet()
					.stream()
					.sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
					.limit(25)
					.forEach((entry) -> System.out.printf(Locale.ROOT, "%8.2f ms  %s%n", entry.getValue(),
							entry.getKey()));
			}
		}
	}

	private static SpringApplication application(boolean withStarter, int stubPort) {
		SpringApplication application;
		try {
			application = new SpringApplication(Class.forName(SAMPLE_APPLICATION));
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("Put sample-app/target/classes on the class path", ex);
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("server.address", "127.0.0.1");
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "warn");
		properties.put("pusher.app-id", "3");
		properties.put("pusher.key", "278d425bdf160c739803");
		properties.put("pusher.secret", "7ad3773142a6692b25b8");
		properties.put("pusher.scheme", "http");
		properties.put("pusher.host", "127.0.0.1");
		properties.put("pusher.port", Integer.toString(stubPort));
		if (!withStarter) {
			properties.put("spring.autoconfigure.exclude", String.join(",", pusherAutoConfigurations()));
			application.addInitializers((context) -> {
				GenericApplicationContext generic = (GenericApplicationContext) context;
				generic.registerBean(PusherOperations.class, StartupCost::noOperations);
				// the sample's page settings read the connection details
				generic.registerBean(PusherConnectionDetails.class, () -> stubConnection(stubPort));
			});
		}
		application.setDefaultProperties(properties);
		return application;
	}

	private static List<String> pusherAutoConfigurations() {
		List<String> names = new ArrayList<>();
		ImportCandidates.load(AutoConfiguration.class, StartupCost.class.getClassLoader()).forEach((name) -> {
			if (name.startsWith("io.pusherspring.")) {
				names.add(name);
			}
		});
		return names;
	}

	private static PusherConnectionDetails stubConnection(int stubPort) {
		return new PusherConnectionDetails() {

			@Override
			public String getAppId() {
				return "3";
			}

			@Override
			public String getKey() {
				return "278d425bdf160c739803";
			}

			@Override
			public String getSecret() {
				return "7ad3773142a6692b25b8";
			}

			@Override
			public URI getEndpoint() {
				return URI.create("http://127.0.0.1:" + stubPort);
			}

		};
	}

	private static PusherOperations noOperations() {
		return (PusherOperations) Proxy.newProxyInstance(StartupCost.class.getClassLoader(),
				new Class<?>[] { PusherOperations.class }, (proxy, method, arguments) -> switch (method.getName()) {
					case "toString" -> "no PusherOperations";
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == arguments[0];
					default -> null;
				});
	}

	private static String loadAverage() {
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		return String.format(Locale.ROOT, "%.2f", load);
	}

	/**
	 * When the application had started: the context refreshed and the web server running,
	 * before the runners and the ready event.
	 */
	private static final class StartedAt implements ApplicationListener<ApplicationEvent> {

		private long nanos;

		private double uptimeMillis;

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof ApplicationStartedEvent) {
				this.nanos = System.nanoTime();
				this.uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
			}
		}

	}

}
