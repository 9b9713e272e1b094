package io.pusherspring.integration.core;

import java.util.Map;

import io.pusherspring.core.PusherApiException;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.integration.core.docs.LiveSession;
import io.pusherspring.integration.core.docs.PusherCustomizations;
import io.pusherspring.integration.core.docs.PusherCustomizations.FailedPublications;
import io.pusherspring.integration.core.docs.ReportsPusherConfiguration;
import io.pusherspring.test.FakePusherServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The README's examples of operating the template, in a real application over real HTTP:
 * a second template for another Pusher app next to the auto-configured one, a builder
 * customizer, and a publish listener that counts failures.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
@SpringBootTest(classes = OperatingTheTemplateTests.Application.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "pusher.retry.delay=1ms")
class OperatingTheTemplateTests {

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	@RegisterExtension
	static FakePusherServer reports = new FakePusherServer("2", "reports-key", "reports-secret");

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
		registry.add("reports.pusher.app-id", reports::getAppId);
		registry.add("reports.pusher.key", reports::getKey);
		registry.add("reports.pusher.secret", reports::getSecret);
		registry.add("reports.pusher.endpoint", () -> reports.getEndpoint().toString());
	}

	@Autowired
	private PusherOperations pusherOperations;

	@Autowired
	@Qualifier("reportsPusherTemplate")
	private PusherOperations reportsOperations;

	@Autowired
	private FailedPublications failedPublications;

	@Test
	void aSecondTemplatePublishesToAnotherAppAndLeavesTheDefaultInPlace() {
		this.pusherOperations.trigger("orders", "created", Map.of("id", 1));
		this.reportsOperations.trigger("reports", "ready", Map.of("id", 2));
		assertThat(pusher.recorder()).hasTriggeredTimes(1, "orders", "created").hasNotTriggered("reports", "ready");
		assertThat(reports.recorder()).hasTriggeredTimes(1, "reports", "ready").hasNotTriggered("orders", "created");
	}

	@Test
	void bothTemplatesShareTheCustomizersAndListeners() {
		assertThat(this.pusherOperations).isNotSameAs(this.reportsOperations).isInstanceOf(PusherTemplate.class);
		int before = this.failedPublications.failed();
		pusher.failNext(1, 429, "1");
		reports.failNext(1, 429, "20");
		this.pusherOperations.trigger("orders", "created", Map.of("id", 1));
		assertThatExceptionOfType(PusherApiException.class)
			.isThrownBy(() -> this.reportsOperations.trigger("reports", "ready", Map.of("id", 2)))
			.withMessageContaining("Pusher asked to wait 20s");
		assertThat(pusher.recorder()).hasTriggeredTimes(1, "orders", "created");
		assertThat(this.failedPublications.failed()).isEqualTo(before + 1);
		assertThat(this.failedPublications.possiblyDelivered()).isZero();
	}

	@Test
	void startingAQuizTellsWhetherItMayHaveBeenShown() {
		LiveSession session = new LiveSession(this.pusherOperations);
		assertThat(session.startQuiz(Map.of("id", 1))).isEqualTo(LiveSession.Outcome.SENT);
		pusher.failNext(1, 400);
		assertThat(session.startQuiz(Map.of("id", 2))).isEqualTo(LiveSession.Outcome.NOT_SENT);
		pusher.closeNextConnectionAfterAccepting().failNext(1, 400);
		assertThat(session.startQuiz(Map.of("id", 3))).isEqualTo(LiveSession.Outcome.MAYBE_SENT);
		assertThat(pusher.recorder()).hasTriggeredTimes(2, "presence-session-7", "quiz.started");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ ReportsPusherConfiguration.class, PusherCustomizations.class })
	static class Application {

	}

}
