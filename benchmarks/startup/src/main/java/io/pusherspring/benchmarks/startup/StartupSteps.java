package io.pusherspring.benchmarks.startup;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * A diagnostic, not a benchmark: the start-up steps that took longest in one start of the
 * sample, for the beans whose name or type contains a filter ({@code pusher} unless
 * given; {@code all} for every bean), in a warm start (after 5 others) or the first
 * ({@code cold}), with the starter or {@code without} it.
 * <p>
 * {@code java -cp "benchmarks/startup/target/classes:$(cat benchmarks/startup/target/classpath.txt):sample-app/target/classes" io.pusherspring.benchmarks.startup.StartupSteps [cold] [without] [filter]}
 */
public final class StartupSteps {

	private StartupSteps() {
	}

	public static void main(String[] args) throws Exception {
		List<String> options = Arrays.asList(args);
		String filter = options.stream()
			.filter((option) -> !option.equals("cold") && !option.equals("without"))
			.findFirst()
			.orElse("pusher")
			.toLowerCase(Locale.ROOT);
		boolean withStarter = !options.contains("without");
		try (PusherApiStandIn api = new PusherApiStandIn()) {
			for (int i = 0; i < (options.contains("cold") ? 0 : 5); i++) {
				SampleStarts.start(withStarter, api.getPort());
			}
			SpringApplication application = SampleStarts.application(withStarter, api.getPort());
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
				if (millis.isEmpty()) {
					throw new IllegalStateException("No start-up step of a bean matching '" + filter + "'");
				}
				millis.entrySet()
					.stream()
					.sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
					.limit(25)
					.forEach((entry) -> System.out.printf(Locale.ROOT, "%8.2f ms  %s%n", entry.getValue(),
							entry.getKey()));
			}
		}
	}

}
