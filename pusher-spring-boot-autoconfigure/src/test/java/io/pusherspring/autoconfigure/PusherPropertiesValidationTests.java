package io.pusherspring.autoconfigure;

import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PusherProperties} checks every value once bound, whichever feature reads it, and
 * an unusable value fails start-up naming its property.
 */
class PusherPropertiesValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesOnly.class);

	@Test
	void theDefaultsAreValid() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(PusherProperties.class));
	}

	@Test
	void usableValuesAreAccepted() {
		this.runner
			.withPropertyValues("pusher.scheme=http", "pusher.host=127.0.0.1", "pusher.port=6001",
					"pusher.http.max-connections=1", "pusher.retry.max-retries=0", "pusher.retry.delay=0ms",
					"pusher.retry.multiplier=1", "pusher.limits.max-payload-size=0B", "pusher.webhook.path=/hooks",
					"pusher.webhook.additional-keys.old-key=old-secret",
					"pusher.encryption-master-key=" + Base64.getEncoder().encodeToString(new byte[32]))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			pusher.scheme                            | ftp
			pusher.port                              | 70000
			pusher.cluster                           | Europe West
			pusher.http.connect-timeout              | 0s
			pusher.http.read-timeout                 | -1s
			pusher.http.max-connections              | 0
			pusher.retry.max-retries                 | -1
			pusher.retry.delay                       | -1ms
			pusher.retry.multiplier                  | 0.5
			pusher.retry.max-delay                   | 0s
			pusher.limits.max-payload-size           | -1B
			pusher.webhook.path                      | /hooks/*
			pusher.webhook.max-age                   | 0s
			pusher.webhook.max-body-size             | 4GB
			pusher.webhook.additional-keys[old-key]  | ''
			""")
	void anUnusableValueFailsStartUpNamingItsProperty(String property, String value) {
		this.runner.withPropertyValues(property + "=" + value)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo(property)));
	}

	@Test
	void aBadEncryptionKeyFailsStartUpWithoutEchoingIt() {
		String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());
		this.runner.withPropertyValues("pusher.encryption-master-key=" + shortKey)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("pusher.encryption-master-key")
				.hasMessageContaining("decodes to 16 bytes")
				.hasMessageNotContaining(shortKey));
	}

	@Test
	void aWebhookPropertyIsCheckedOutsideAWebApplicationToo() {
		this.runner.withPropertyValues("pusher.webhook.path=pusher/webhooks")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("pusher.webhook.path"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PusherProperties.class)
	static class PropertiesOnly {

	}

}
