package io.pusherspring.integration.event;

import java.util.Map;

import io.pusherspring.core.PusherApiException;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.test.FakePusherServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @PusherEvent} over HTTP to {@link FakePusherServer}, which checks every
 * signature: with the default failure policy a failed publish leaves the business result
 * and its committed data alone, and is reported without secrets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "pusher.retry.max-retries=1", "pusher.retry.delay=1ms" })
@ExtendWith(QuietOutputCaptureExtension.class)
class PusherEventOverHttpTests {

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@Autowired
	private ContentService contents;

	@Autowired
	private AssessmentService assessments;

	@Autowired
	private PublishFailures failures;

	@BeforeEach
	void clearFailures() {
		this.failures.clear();
	}

	@Test
	void publishesSignedTriggers() {
		GeneratedContent content = this.contents.generate("42", "lesson");
		this.assessments.complete("42", 90);
		assertThat(pusher.recorder()).hasTriggered("private-user-42", "content.generated")
			.withData(Map.of("contentId", content.contentId(), "contentType", "lesson"));
		assertThat(pusher.recorder()).hasTriggered("private-user-42", "assessment.completed");
		assertThat(pusher.requests()).extracting((request) -> request.status()).containsExactly(200, 200);
	}

	@Test
	void failureLeavesTheResultAndTheCommittedData(CapturedOutput output) {
		pusher.failNext(2, 503);
		GeneratedContent content = this.contents.generate("77", "exam-answers");
		assertThat(content.contentType()).isEqualTo("exam-answers");
		assertThat(this.contents.count("77")).isOne();
		assertThat(pusher.recorder()).hasNoEvents();
		assertThat(this.failures.events()).singleElement().satisfies((failure) -> {
			assertThat(failure.getException()).isInstanceOf(PusherApiException.class).hasMessageContaining("HTTP 503");
			assertThat(failure.getMessage().channels()).containsExactly("private-user-77");
			assertThat(failure.getMethod().getName()).isEqualTo("generate");
		});
		assertThat(output).contains("Could not publish 'content.generated' on [private-user-77]")
			.doesNotContain(pusher.getSecret())
			.doesNotContain("auth_signature")
			.doesNotContain("exam-answers")
			.doesNotContainPattern("[0-9a-f]{64}");
	}

	@Test
	void failureOfAPublishOutsideATransactionDoesNotReachTheCaller() {
		pusher.failNext(2, 503);
		assertThat(this.contents.preview("42", "quiz").contentType()).isEqualTo("quiz");
		assertThat(this.failures.events()).hasSize(1);
	}

}
