package io.pusherspring.integration.instances.broadcast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.pusherspring.core.PusherRequest;
import io.pusherspring.core.PusherResponse;
import io.pusherspring.core.PusherTransport;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.fail;

/**
 * An instance of the gradebook in a process of its own, which the test kills
 * ({@code SIGKILL}) once it has committed grades and is about to broadcast them: its
 * Pusher transport announces the first request on standard output and never sends it.
 */
public final class DyingInstance {

	static final String ABOUT_TO_PUBLISH = "about to publish to Pusher";

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	private DyingInstance() {
	}

	/**
	 * Run the process: record one grade for each student, and hang in the broadcast.
	 * @param args {@code course grade student...}, then Spring Boot arguments
	 * ({@code --name=value})
	 */
	public static void main(String[] args) {
		List<String> values = Arrays.stream(args).filter((arg) -> !arg.startsWith("--")).toList();
		String[] properties = Arrays.stream(args).filter((arg) -> arg.startsWith("--")).toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GradebookApplication.class,
				HangingTransport.class)
			.web(WebApplicationType.NONE)
			.run(properties);
		context.getBean(Gradebook.class)
			.record(values.get(0), Integer.parseInt(values.get(1)), values.subList(2, values.size()));
		// the transport never returns: reaching this line is a failure
		System.exit(3);
	}

	/**
	 * Start the process, wait until it has committed and is about to publish, and kill
	 * it.
	 * @param properties the instance's properties
	 * @param course the course
	 * @param grade the grade
	 * @param studentIds one grade recorded for each, in one transaction
	 */
	static void recordAndDie(List<String> properties, String course, int grade, List<String> studentIds)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-Xmx256m", "-cp",
						System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
						DyingInstance.class.getName(), course, Integer.toString(grade)));
		command.addAll(studentIds);
		properties.forEach((property) -> command.add("--" + property));
		command.add("--spring.main.banner-mode=off");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		CompletableFuture<List<String>> output = CompletableFuture.supplyAsync(() -> readUntilAboutToPublish(process));
		try {
			List<String> lines = output.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			if (!lines.get(lines.size() - 1).contains(ABOUT_TO_PUBLISH)) {
				fail("The instance ended before publishing:%n%s", String.join(System.lineSeparator(), lines));
			}
		}
		catch (Exception ex) {
			fail("The instance did not reach its broadcast within " + TIMEOUT, ex);
		}
		finally {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static List<String> readUntilAboutToPublish(Process process) {
		List<String> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				lines.add(line);
				if (line.contains(ABOUT_TO_PUBLISH)) {
					break;
				}
			}
		}
		catch (IOException ex) {
			lines.add(ex.toString());
		}
		return lines;
	}

	/**
	 * The process's transport: says it is about to publish and hangs until killed.
	 */
	@Configuration(proxyBeanMethods = false)
	static class HangingTransport {

		@Bean
		PusherTransport hangingPusherTransport() {
			return new PusherTransport() {

				@Override
				public CompletableFuture<PusherResponse> exchangeAsync(PusherRequest request) {
					System.out.println(ABOUT_TO_PUBLISH + ": " + request.path());
					System.out.flush();
					try {
						Thread.sleep(Long.MAX_VALUE);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					return new CompletableFuture<>();
				}

			};
		}

	}

}
