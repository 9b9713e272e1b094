package io.pusherspring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.pusher.rest.SignatureUtil;
import io.pusherspring.core.ChannelEncryption;
import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherApiException;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.core.PusherTransport;
import io.pusherspring.core.PusherValidationException;
import io.pusherspring.core.ScriptedTransport;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PusherAutoConfiguration}.
 *
 * @author pusher-spring-boot
 */
class PusherAutoConfigurationTests {

	private static final String[] CREDENTIALS = { "pusher.app-id=3", "pusher.key=278d425bdf160c739803",
			"pusher.secret=7ad3773142a6692b25b8" };

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAutoConfiguration.class));

	@Test
	void definesTemplateOverHttpTransportFromProperties() {
		this.runner.withPropertyValues(CREDENTIALS).run((context) -> {
			assertThat(context).hasSingleBean(PusherTemplate.class)
				.hasSingleBean(HttpPusherTransport.class)
				.hasSingleBean(PropertiesPusherConnectionDetails.class)
				.doesNotHaveBean(ChannelEncryption.class);
			assertThat(context.getBean(HttpPusherTransport.class).getEndpoint())
				.isEqualTo(URI.create("https://api-mt1.pusher.com"));
		});
	}

	@Test
	void clusterSelectsTheApiHost() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.cluster=eu")
			.run((context) -> assertThat(context.getBean(HttpPusherTransport.class).getEndpoint())
				.isEqualTo(URI.create("https://api-eu.pusher.com")));
	}

	@Test
	void hostPortAndSchemeOverrideTheCluster() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.cluster=eu", "pusher.host=soketi.internal", "pusher.port=6001",
					"pusher.scheme=http")
			.run((context) -> assertThat(context.getBean(HttpPusherTransport.class).getEndpoint())
				.isEqualTo(URI.create("http://soketi.internal:6001")));
	}

	@Test
	void httpPropertiesConfigureTheTransport() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.http.connect-timeout=750ms", "pusher.http.read-timeout=3s",
					"pusher.http.max-connections=8")
			.run((context) -> assertThat(context.getBean(HttpPusherTransport.class).getSettings())
				.isEqualTo(new HttpPusherTransport.Settings(Duration.ofMillis(750), Duration.ofSeconds(3), 8)));
	}

	@Test
	void environmentVariablesSetTheCredentials() {
		this.runner
			.withInitializer(environmentVariables(
					Map.of("PUSHER_APP_ID", "42", "PUSHER_KEY", "env-key", "PUSHER_SECRET", "env-secret")))
			.run((context) -> {
				PusherConnectionDetails details = context.getBean(PusherConnectionDetails.class);
				assertThat(details.getAppId()).isEqualTo("42");
				assertThat(details.getKey()).isEqualTo("env-key");
				assertThat(details.getSecret()).isEqualTo("env-secret");
			});
	}

	@Test
	void missingCredentialsFailStartupNamingEveryMissingProperty() {
		this.runner.withPropertyValues("pusher.key=only-the-key").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MissingPusherCredentialsException.class)
				.hasMessageContaining("pusher.app-id")
				.hasMessageContaining("pusher.secret")
				.hasMessageNotContaining("pusher.key");
		});
	}

	@Test
	void credentialWithAnUnresolvedPlaceholderFailsStartupLikeAMissingOne() {
		this.runner
			.withPropertyValues("pusher.app-id=3", "pusher.key=278d425bdf160c739803",
					"pusher.secret=${PUSHER_SECRET_NOT_DEFINED_ANYWHERE}")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOfSatisfying(MissingPusherCredentialsException.class, (ex) -> {
						assertThat(ex.getProperties()).containsExactly("pusher.secret");
						assertThat(ex.getUnresolvedPlaceholders("pusher.secret"))
							.containsExactly("PUSHER_SECRET_NOT_DEFINED_ANYWHERE");
					});
			});
	}

	@Test
	void placeholderResolvedFromTheEnvironmentIsUsed() {
		this.runner.withInitializer(environmentVariables(Map.of("CLASSROOM_PUSHER_SECRET", "env-secret")))
			.withPropertyValues("pusher.app-id=3", "pusher.key=278d425bdf160c739803",
					"pusher.secret=${CLASSROOM_PUSHER_SECRET}")
			.run((context) -> assertThat(context.getBean(PusherConnectionDetails.class).getSecret())
				.isEqualTo("env-secret"));
	}

	@Test
	void userDefinedOperationsReplaceTheTemplate() {
		this.runner.withUserConfiguration(CustomOperationsConfiguration.class)
			.withPropertyValues(CREDENTIALS)
			.run((context) -> {
				assertThat(context).hasSingleBean(PusherOperations.class).doesNotHaveBean("pusherTemplate");
				assertThat(context.getBean(PusherOperations.class))
					.isSameAs(context.getBean(CustomOperationsConfiguration.class).operations);
			});
	}

	@Test
	void userDefinedTransportIsUsedAndNeedsNoCredentials() {
		this.runner.withUserConfiguration(CustomTransportConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(HttpPusherTransport.class);
			context.getBean(PusherTemplate.class).trigger("orders", "created", Map.of("id", 7));
			assertThat(context.getBean(ScriptedTransport.class).requests()).singleElement()
				.satisfies((request) -> assertThat(request.body()).contains("\\\"id\\\":7"));
		});
	}

	@Test
	void userDefinedConnectionDetailsReplaceTheProperties() {
		this.runner.withUserConfiguration(CustomConnectionDetailsConfiguration.class)
			.withPropertyValues(CREDENTIALS)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesPusherConnectionDetails.class);
				assertThat(context.getBean(HttpPusherTransport.class).getEndpoint())
					.isEqualTo(URI.create("http://localhost:8099"));
			});
	}

	@Test
	void applicationJsonMapperSerializesEventData() {
		this.runner.withUserConfiguration(CustomTransportConfiguration.class, SnakeCaseMapperConfiguration.class)
			.run((context) -> {
				context.getBean(PusherTemplate.class).trigger("orders", "created", new OrderCreated(7, "ACME"));
				assertThat(context.getBean(ScriptedTransport.class).requests()).singleElement()
					.satisfies((request) -> assertThat(request.body()).contains("customer_name"));
			});
	}

	@Test
	void maxPayloadSizeIsApplied() {
		this.runner.withUserConfiguration(CustomTransportConfiguration.class)
			.withPropertyValues("pusher.limits.max-payload-size=20B")
			.run((context) -> {
				PusherTemplate template = context.getBean(PusherTemplate.class);
				assertThatExceptionOfType(PusherValidationException.class)
					.isThrownBy(() -> template.trigger("orders", "created", "x".repeat(21)))
					.withMessageContaining("21 bytes");
				template.trigger("orders", "created", "x".repeat(20));
				assertThat(context.getBean(ScriptedTransport.class).requests()).hasSize(1);
			});
	}

	@Test
	void retryPropertiesAreApplied() {
		this.runner.withUserConfiguration(CustomTransportConfiguration.class)
			.withPropertyValues("pusher.retry.max-retries=3", "pusher.retry.delay=1ms")
			.run((context) -> {
				ScriptedTransport transport = context.getBean(ScriptedTransport.class).thenAnswer(503, 503, 503, 503);
				assertThatExceptionOfType(PusherApiException.class)
					.isThrownBy(() -> context.getBean(PusherTemplate.class).trigger("orders", "created", "{}"))
					.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(503));
				assertThat(transport.requests()).hasSize(4);
			});
	}

	@Test
	void retriesCanBeDisabled() {
		this.runner.withUserConfiguration(CustomTransportConfiguration.class)
			.withPropertyValues("pusher.retry.max-retries=0")
			.run((context) -> {
				ScriptedTransport transport = context.getBean(ScriptedTransport.class).thenAnswer(503);
				assertThatExceptionOfType(PusherApiException.class)
					.isThrownBy(() -> context.getBean(PusherTemplate.class).trigger("orders", "created", "{}"));
				assertThat(transport.requests()).hasSize(1);
			});
	}

	@Test
	void encryptionMasterKeyEnablesEncryptedChannels() {
		String masterKey = Base64.getEncoder().encodeToString(new byte[32]);
		this.runner.withUserConfiguration(CustomTransportConfiguration.class)
			.withPropertyValues("pusher.encryption-master-key=" + masterKey)
			.run((context) -> {
				assertThat(context).hasSingleBean(ChannelEncryption.class);
				context.getBean(PusherTemplate.class).trigger("private-encrypted-grades", "updated", "{\"a\":1}");
				assertThat(context.getBean(ScriptedTransport.class).requests()).singleElement()
					.satisfies((request) -> assertThat(request.body()).contains("nonce").contains("ciphertext"));
			});
	}

	@Test
	void invalidEncryptionMasterKeyFailsWithoutEchoingIt() {
		String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());
		this.runner.withUserConfiguration(CustomTransportConfiguration.class)
			.withPropertyValues("pusher.encryption-master-key=" + shortKey)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("pusher.encryption-master-key")
				.hasMessageContaining("decodes to 16 bytes")
				.hasMessageNotContaining(shortKey));
	}

	@Test
	void invalidSchemeFailsStartup() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.scheme=ftp")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("pusher.scheme"));
	}

	@Test
	void backsOffWithoutJackson() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withClassLoader(new FilteredClassLoader(JsonMapper.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PusherOperations.class)
				.doesNotHaveBean(PusherTransport.class));
	}

	@Test
	void noTemplateWithoutPusherHttpJavaOrATransport() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withClassLoader(new FilteredClassLoader(SignatureUtil.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(PusherTransport.class)
				.doesNotHaveBean(PusherOperations.class));
	}

	@Test
	void noHttpTransportWithoutHttpClient5() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withClassLoader(new FilteredClassLoader(HttpAsyncClients.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PusherTransport.class));
	}

	record OrderCreated(int orderId, String customerName) {
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomOperationsConfiguration {

		final PusherOperations operations = new PusherTemplate(new ScriptedTransport());

		@Bean
		PusherOperations customOperations() {
			return this.operations;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomTransportConfiguration {

		@Bean
		ScriptedTransport scriptedTransport() {
			return new ScriptedTransport();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomConnectionDetailsConfiguration {

		@Bean
		PusherConnectionDetails customConnectionDetails() {
			return new PusherConnectionDetails() {

				@Override
				public String getAppId() {
					return "1";
				}

				@Override
				public String getKey() {
					return "k";
				}

				@Override
				public String getSecret() {
					return "s";
				}

				@Override
				public URI getEndpoint() {
					return URI.create("http://localhost:8099");
				}

			};
		}

	}

	private static ApplicationContextInitializer<ConfigurableApplicationContext> environmentVariables(
			Map<String, Object> variables) {
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					variables));
	}

	@Configuration(proxyBeanMethods = false)
	static class SnakeCaseMapperConfiguration {

		@Bean
		JsonMapper jsonMapper() {
			return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		}

	}

}
