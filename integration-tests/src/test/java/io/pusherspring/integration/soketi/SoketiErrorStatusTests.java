package io.pusherspring.integration.soketi;

import java.util.Map;

import io.pusherspring.autoconfigure.PusherAutoConfiguration;
import io.pusherspring.autoconfigure.PusherHealthContributorAutoConfiguration;
import io.pusherspring.core.ChannelInfo;
import io.pusherspring.core.PusherApiException;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.health.PusherHealthIndicator;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.integration.conformance.SoketiDifference;
import io.pusherspring.integration.servers.SoketiServer;
import io.pusherspring.integration.soketi.docs.SoketiErrorStatusConfiguration;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * soketi answers the errors of its HTTP API with status 200
 * ({@link SoketiDifference#HTTP_ERRORS_ANSWERED_WITH_200}): with a wrong secret the
 * starter sees successes, until the docs' {@code SoketiErrorStatus} gives the answers
 * their status back.
 */
class SoketiErrorStatusTests {

	@RegisterExtension
	static SoketiServer soketi = new SoketiServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAutoConfiguration.class,
				PusherHealthContributorAutoConfiguration.class))
		.withPropertyValues("pusher.app-id=" + soketi.getAppId(), "pusher.key=" + soketi.getKey(),
				"pusher.host=127.0.0.1", "pusher.port=" + soketi.getPort(), "pusher.scheme=http",
				"pusher.retry.max-retries=0", "management.health.pusher.cache.time-to-live=0");

	@Test
	void withAWrongSecretTheStarterSeesSuccessesAndTheHealthIndicatorStaysUp() {
		this.runner.withPropertyValues("pusher.secret=not-the-secret").run((context) -> {
			context.getBean(PusherOperations.class).trigger("news", "posted", Map.of("text", "lost"));
			assertThat(context.getBean(PusherHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	@ExtendWith(QuietOutputCaptureExtension.class)
	void soketiErrorStatusMakesTheTemplateThrowAndTheHealthIndicatorDown(CapturedOutput output) {
		this.runner.withUserConfiguration(SoketiErrorStatusConfiguration.class)
			.withPropertyValues("pusher.secret=not-the-secret")
			.run((context) -> {
				assertThatExceptionOfType(PusherApiException.class).isThrownBy(
						() -> context.getBean(PusherOperations.class).trigger("news", "posted", Map.of("text", "lost")))
					.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(401));
				assertThat(context.getBean(PusherHealthIndicator.class).health()).satisfies((health) -> {
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(health.getDetails()).containsEntry("httpStatus", 401);
				});
			});
		assertThat(output.getAll().lines().filter((line) -> line.contains(" ERROR ")))
			.singleElement(as(InstanceOfAssertFactories.STRING))
			.contains("Failed to publish 'posted' to news")
			.contains("HTTP 401");
		assertThat(output).doesNotContain("\tat ").doesNotContain("not-the-secret");
	}

	@Test
	void soketiErrorStatusLeavesSuccessesAlone() {
		this.runner.withUserConfiguration(SoketiErrorStatusConfiguration.class)
			.withPropertyValues("pusher.secret=" + soketi.getSecret())
			.run((context) -> {
				PusherOperations operations = context.getBean(PusherOperations.class);
				operations.trigger("news", "posted", Map.of("text", "kept"));
				ChannelInfo info = operations.channel("news");
				assertThat(info.occupied()).isFalse();
				assertThat(context.getBean(PusherHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
			});
	}

}
