package io.pusherspring.integration.event;

import io.pusherspring.core.PusherApiException;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.test.FakePusherServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With {@code pusher.events.fail-on-error=true}, a failure to publish on the caller's
 * thread reaches the caller; a failure after commit cannot undo the commit and is only
 * reported.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "pusher.events.fail-on-error=true", "pusher.retry.max-retries=1", "pusher.retry.delay=1ms" })
class PusherEventFailOnErrorTests {

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@Autowired
	private ContentService contents;

	@Autowired
	private ProgressService progress;

	@Autowired
	private PublishFailures failures;

	@BeforeEach
	void clearFailures() {
		this.failures.clear();
	}

	@Test
	void failureOutsideATransactionReachesTheCaller() {
		pusher.failNext(2, 503);
		assertThatExceptionOfType(PusherApiException.class).isThrownBy(() -> this.contents.preview("42", "quiz"))
			.withMessageContaining("HTTP 503");
		assertThat(this.failures.events()).hasSize(1);
	}

	@Test
	void failureAfterCommitIsOnlyReported() {
		pusher.failNext(2, 503);
		GeneratedContent content = this.contents.generate("51", "lesson");
		assertThat(content.contentType()).isEqualTo("lesson");
		assertThat(this.contents.count("51")).isOne();
		assertThat(this.failures.events()).hasSize(1);
	}

	@Test
	void failureInsideATransactionRollsItBack(@Autowired PlatformTransactionManager transactionManager) {
		pusher.failNext(2, 503);
		assertThatExceptionOfType(PusherApiException.class)
			.isThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult((transaction) -> {
				this.contents.generate("52", "lesson");
				this.progress.update("52", "lesson", 100);
			}));
		assertThat(this.contents.count("52")).isZero();
		assertThat(pusher.recorder()).hasNoEvents();
	}

}
