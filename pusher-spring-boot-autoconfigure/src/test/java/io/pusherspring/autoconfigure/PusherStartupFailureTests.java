package io.pusherspring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.pusherspring.testsupport.QuietOutputCaptureExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Start-up of a real {@link SpringApplication} without Pusher credentials.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class PusherStartupFailureTests {

	@Test
	void startupReportExplainsWhichCredentialsAreMissing(CapturedOutput output) {
		SpringApplication application = new SpringApplication(MinimalApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--pusher.key=public-key"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("pusher.app-id (environment variable PUSHER_APP_ID)")
			.contains("pusher.secret (environment variable PUSHER_SECRET)")
			.doesNotContain("pusher.key (environment variable");
	}

	@Test
	void startupReportNamesTheVariableOfAnUnresolvedPlaceholder(CapturedOutput output) {
		SpringApplication application = new SpringApplication(MinimalApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--pusher.app-id=3", "--pusher.key=public-key",
				"--pusher.secret=${PUSHER_SECRET_NOT_DEFINED_ANYWHERE}"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("pusher.secret refers to ${PUSHER_SECRET_NOT_DEFINED_ANYWHERE}, but no environment variable or "
					+ "property named PUSHER_SECRET_NOT_DEFINED_ANYWHERE is defined")
			.doesNotContain("pusher.key (environment variable");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, PusherAutoConfiguration.class })
	static class MinimalApplication {

	}

}
