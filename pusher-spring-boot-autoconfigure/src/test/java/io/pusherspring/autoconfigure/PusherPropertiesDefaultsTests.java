package io.pusherspring.autoconfigure;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import io.pusherspring.core.PusherLimits;
import io.pusherspring.core.PusherRetryDefaults;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults of {@link PusherProperties} are Pusher's limits and the template's retry
 * defaults, read from their one home, and the IDE metadata shows the same values.
 */
class PusherPropertiesDefaultsTests {

	private final PusherProperties properties = new PusherProperties();

	@Test
	void payloadLimitDefaultsToPushersLimit() {
		assertThat(this.properties.getLimits().getMaxPayloadSize()).isEqualTo(PusherLimits.MAX_PAYLOAD_SIZE);
	}

	@Test
	void retryPropertiesDefaultToTheTemplatesRetryDefaults() {
		PusherProperties.Retry retry = this.properties.getRetry();
		assertThat(retry.getMaxRetries()).isEqualTo(PusherRetryDefaults.MAX_RETRIES);
		assertThat(retry.getDelay()).isEqualTo(PusherRetryDefaults.DELAY);
		assertThat(retry.getMultiplier()).isEqualTo(PusherRetryDefaults.MULTIPLIER);
		assertThat(retry.getMaxDelay()).isEqualTo(PusherRetryDefaults.MAX_DELAY);
	}

	@Test
	void defaultRetryPropertiesMakeTheSamePolicyAsATemplateBuiltWithoutThem() {
		RetryPolicy fromProperties = this.properties.getRetry().initializeRetryPolicySettings().createRetryPolicy();
		RetryPolicy templateDefault = PusherRetryDefaults.policy();
		assertThat(fromProperties.getBackOff()).isInstanceOfSatisfying(ExponentialBackOff.class,
				(backOff) -> assertThat(backOff).usingRecursiveComparison().isEqualTo(templateDefault.getBackOff()));
		assertThat(fromProperties.getTimeout()).isEqualTo(templateDefault.getTimeout());
	}

	@Test
	void metadataShowsTheDefaultsThatTheProcessorCannotReadFromConstants() throws Exception {
		Map<String, JsonNode> defaults = metadataDefaults();
		assertThat(DataSize.parse(defaults.get("pusher.limits.max-payload-size").asString()))
			.isEqualTo(PusherLimits.MAX_PAYLOAD_SIZE);
		assertThat(defaults.get("pusher.retry.max-retries").asInt()).isEqualTo(PusherRetryDefaults.MAX_RETRIES);
		assertThat(DurationStyle.detectAndParse(defaults.get("pusher.retry.delay").asString()))
			.isEqualTo(PusherRetryDefaults.DELAY);
		assertThat(defaults.get("pusher.retry.multiplier").asDouble()).isEqualTo(PusherRetryDefaults.MULTIPLIER);
		assertThat(DurationStyle.detectAndParse(defaults.get("pusher.retry.max-delay").asString()))
			.isEqualTo(PusherRetryDefaults.MAX_DELAY);
	}

	private static Map<String, JsonNode> metadataDefaults() throws Exception {
		Map<String, JsonNode> defaults = new HashMap<>();
		try (InputStream metadata = new ClassPathResource("META-INF/spring-configuration-metadata.json")
			.getInputStream()) {
			for (JsonNode property : JsonMapper.shared().readTree(metadata).path("properties")) {
				if (property.has("defaultValue")) {
					defaults.put(property.path("name").asString(), property.get("defaultValue"));
				}
			}
		}
		return defaults;
	}

}
