package io.pusherspring.autoconfigure;

import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.core.ScriptedTransport;
import io.pusherspring.event.PusherEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Start-up of a real {@link SpringApplication} with a {@code @PusherEvent} that cannot
 * work.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class PusherEventStartupReportTests {

	@Test
	void startupReportNamesTheMethodAndTheAttribute(CapturedOutput output) {
		SpringApplication application = new SpringApplication(MisspelledApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("@PusherEvent on PusherEventStartupReportTests.ContentService.generate(String, String), "
					+ "attribute 'channels': 'private-user-#{#user}' refers to #user, which is neither an argument "
					+ "nor #result; the arguments are #userId, #contentType (or #p0 to #p1), and the return value "
					+ "is #result")
			.contains("Fix the 'channels' attribute of @PusherEvent on");
	}

	static class ContentService {

		@PusherEvent(channels = "private-user-#{#user}", event = "content.generated")
		public String generate(String userId, String contentType) {
			return contentType;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, PusherAutoConfiguration.class,
			PusherEventAutoConfiguration.class })
	static class MisspelledApplication {

		@Bean
		ScriptedTransport scriptedTransport() {
			return new ScriptedTransport();
		}

		@Bean
		ContentService contentService() {
			return new ContentService();
		}

	}

}
