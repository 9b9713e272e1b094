package io.pusherspring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.core.ChannelEncryption;
import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.LoggingPusherPublishListener;
import io.pusherspring.core.PusherApiException;
import io.pusherspring.core.PusherException;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.PusherPublishListener;
import io.pusherspring.core.PusherResponse;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.core.PusherTransport;
import io.pusherspring.core.PusherValidationException;
import io.pusherspring.core.ScriptedTransport;
import io.pusherspring.core.TriggerResult;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsHttpClientBuilder;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.Retryable;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PusherAutoConfiguration}.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
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
	void noHttpTransportWithoutHttpClient5Classic() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withClassLoader(new FilteredClassLoader(HttpClients.class))
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

	@Test
	void noHttpTransportWithoutSpringBootsHttpClientBuilders() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withClassLoader(new FilteredClassLoader(HttpComponentsHttpClientBuilder.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PusherTransport.class));
	}

	@Test
	void httpPropertiesBecomeTheClientSettingsOfSpringBootsBuilders() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.http.connect-timeout=750ms", "pusher.http.read-timeout=3s")
			.run((context) -> assertThat(context.getBean(HttpPusherTransport.Settings.class).httpClientSettings())
				.isEqualTo(new HttpClientSettings(HttpRedirects.DONT_FOLLOW, Duration.ofMillis(750),
						Duration.ofSeconds(3), null)));
	}

	@Test
	void theTransportNeedsNoPusherHttpJava() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withClassLoader(new FilteredClassLoader("com.pusher.rest"))
			.run((context) -> assertThat(context).hasSingleBean(HttpPusherTransport.class)
				.hasSingleBean(PusherTemplate.class));
	}

	@Test
	void httpSettingsAreOneBeanSharedByTheTransport() {
		this.runner.withPropertyValues(CREDENTIALS).run((context) -> {
			HttpPusherTransport.Settings settings = context.getBean(HttpPusherTransport.Settings.class);
			assertThat(settings.sslBundle()).isNull();
			assertThat(settings.userAgent()).isEqualTo(HttpPusherTransport.DEFAULT_USER_AGENT);
			assertThat(context.getBean(HttpPusherTransport.class).getSettings()).isSameAs(settings);
		});
	}

	@Test
	void sslBundleConfiguresTheTlsOfTheTransport() {
		this.runner.withUserConfiguration(SslBundlesConfiguration.class)
			.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.http.ssl.bundle=soketi")
			.run((context) -> {
				HttpPusherTransport.Settings settings = context.getBean(HttpPusherTransport.class).getSettings();
				assertThat(settings.sslBundle()).isSameAs(context.getBean(SslBundles.class).getBundle("soketi"));
				HttpClientSettings clientSettings = settings.httpClientSettings();
				assertThat(clientSettings.sslBundle()).isSameAs(settings.sslBundle());
				assertThat(clientSettings.sslBundle().getOptions().getEnabledProtocols()).containsExactly("TLSv1.3");
				assertThat(clientSettings.redirects()).isEqualTo(HttpRedirects.DONT_FOLLOW);
			});
	}

	@Test
	void unknownSslBundleFailsStartupNamingTheProperty() {
		this.runner.withUserConfiguration(SslBundlesConfiguration.class)
			.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.http.ssl.bundle=missing")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("pusher.http.ssl.bundle")
				.hasMessageContaining("missing"));
	}

	@Test
	void sslBundleWithoutAnyBundlesFailsStartup() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.http.ssl.bundle=soketi")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("spring.ssl.bundle"));
	}

	@Test
	void customizersAdjustTheBuilderInOrderAfterTheProperties() {
		this.runner.withUserConfiguration(CustomTransportConfiguration.class, CustomizersConfiguration.class)
			.withPropertyValues("pusher.limits.max-payload-size=20B")
			.run((context) -> {
				assertThat(context.getBean(CustomizersConfiguration.class).applied).containsExactly("first", "second");
				PusherTemplate template = context.getBean(PusherTemplate.class);
				template.trigger("orders", "created", "x".repeat(30));
				assertThatExceptionOfType(PusherValidationException.class)
					.isThrownBy(() -> template.trigger("orders", "created", "x".repeat(41)));
			});
	}

	@Test
	void retryPropertiesMapThroughRetryPolicySettings() {
		this.runner.withUserConfiguration(CustomTransportConfiguration.class)
			.withPropertyValues("pusher.retry.max-retries=1", "pusher.retry.delay=1ms", "pusher.retry.max-delay=1s")
			.run((context) -> {
				ScriptedTransport transport = context.getBean(ScriptedTransport.class)
					.thenAnswer(new PusherResponse(429, "slow down", "5"));
				assertThatExceptionOfType(PusherApiException.class)
					.isThrownBy(() -> context.getBean(PusherTemplate.class).trigger("orders", "created", "{}"))
					.withMessageContaining("Pusher asked to wait 5s")
					.withMessageContaining("(1s, pusher.retry.max-delay)");
				assertThat(transport.requests()).hasSize(1);
				transport.thenAnswer(new PusherResponse(429, "slow down", "0"));
				context.getBean(PusherTemplate.class).trigger("orders", "created", "{}");
				assertThat(transport.requests()).hasSize(3);
			});
	}

	@Test
	void retryListenerBeansAreHonoured() {
		this.runner.withUserConfiguration(CustomTransportConfiguration.class, RetryListenersConfiguration.class)
			.withPropertyValues("pusher.retry.delay=1ms")
			.run((context) -> {
				context.getBean(ScriptedTransport.class).thenAnswer(503);
				context.getBean(PusherTemplate.class).trigger("orders", "created", "{}");
				assertThat(context.getBean(RetryListenersConfiguration.class).retries)
					.containsExactly("first POST /events", "second POST /events");
			});
	}

	@Test
	void everyPublishListenerBeanIsCalledAlongWithTheLoggingDefault() {
		this.runner.withUserConfiguration(CustomTransportConfiguration.class, PublishListenersConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(LoggingPusherPublishListener.class);
				assertThat(context.getBeansOfType(PusherPublishListener.class)).hasSize(3);
				context.getBean(ScriptedTransport.class).thenAnswer(400);
				assertThatExceptionOfType(PusherApiException.class)
					.isThrownBy(() -> context.getBean(PusherTemplate.class).trigger("orders", "created", "{}"));
				context.getBean(PusherTemplate.class).trigger("orders", "shipped", "{}");
				assertThat(context.getBean(PublishListenersConfiguration.class).heard).containsExactlyInAnyOrder(
						"one failed created", "two failed created", "one sent shipped", "two sent shipped");
			});
	}

	@Test
	void userDefinedLoggingListenerReplacesTheDefault() {
		this.runner.withUserConfiguration(CustomTransportConfiguration.class)
			.withBean("quietLogging", LoggingPusherPublishListener.class, LoggingPusherPublishListener::new)
			.run((context) -> assertThat(context).hasSingleBean(LoggingPusherPublishListener.class)
				.hasBean("quietLogging"));
	}

	@Test
	void configurerBuildsASecondTemplateThatDoesNotReplaceTheAutoConfiguredOne() {
		this.runner.withUserConfiguration(CustomTransportConfiguration.class, SecondTemplateConfiguration.class)
			.withPropertyValues("pusher.limits.max-payload-size=20B")
			.run((context) -> {
				assertThat(context).hasBean("pusherTemplate").hasBean("otherAppTemplate");
				PusherOperations primary = context.getBean(PusherOperations.class);
				PusherTemplate other = context.getBean("otherAppTemplate", PusherTemplate.class);
				assertThat(primary).isSameAs(context.getBean("pusherTemplate")).isNotSameAs(other);
				assertThatExceptionOfType(PusherValidationException.class)
					.isThrownBy(() -> other.trigger("orders", "created", "x".repeat(21)));
				other.trigger("orders", "created", "{}");
				primary.trigger("orders", "created", "{}");
				assertThat(context.getBean("otherAppTransport", ScriptedTransport.class).requests()).hasSize(1);
				assertThat(context.getBean(ScriptedTransport.class).requests()).hasSize(1);
			});
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
	static class SslBundlesConfiguration {

		@Bean
		SslBundles sslBundles() {
			DefaultSslBundleRegistry registry = new DefaultSslBundleRegistry();
			registry.registerBundle("soketi",
					SslBundle.of(SslStoreBundle.NONE, null, SslOptions.of(null, new String[] { "TLSv1.3" })));
			return registry;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		final List<String> applied = new ArrayList<>();

		@Bean
		@Order(2)
		PusherTemplateBuilderCustomizer secondCustomizer() {
			return (builder) -> {
				this.applied.add("second");
				builder.maxPayloadSize(DataSize.ofBytes(40));
			};
		}

		@Bean
		@Order(1)
		PusherTemplateBuilderCustomizer firstCustomizer() {
			return (builder) -> {
				this.applied.add("first");
				builder.maxPayloadSize(DataSize.ofBytes(10));
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RetryListenersConfiguration {

		final List<String> retries = new ArrayList<>();

		@Bean
		@Order(1)
		RetryListener firstRetryListener() {
			return new RetryListener() {

				@Override
				public void beforeRetry(RetryPolicy policy, Retryable<?> retryable) {
					RetryListenersConfiguration.this.retries.add("first " + retryable.getName());
				}

			};
		}

		@Bean
		@Order(2)
		RetryListener secondRetryListener() {
			return new RetryListener() {

				@Override
				public void beforeRetry(RetryPolicy policy, Retryable<?> retryable) {
					RetryListenersConfiguration.this.retries.add("second " + retryable.getName());
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PublishListenersConfiguration {

		final List<String> heard = new CopyOnWriteArrayList<>();

		@Bean
		PusherPublishListener oneListener() {
			return listener("one");
		}

		@Bean
		PusherPublishListener twoListener() {
			return listener("two");
		}

		private PusherPublishListener listener(String name) {
			return new PusherPublishListener() {

				@Override
				public void onSuccess(PusherMessage message, TriggerResult result) {
					PublishListenersConfiguration.this.heard.add(name + " sent " + message.event());
				}

				@Override
				public void onError(PusherMessage message, PusherException exception) {
					PublishListenersConfiguration.this.heard.add(name + " failed " + message.event());
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SecondTemplateConfiguration {

		@Bean(defaultCandidate = false)
		ScriptedTransport otherAppTransport() {
			return new ScriptedTransport();
		}

		@Bean(defaultCandidate = false)
		PusherTemplate otherAppTemplate(@Qualifier("otherAppTransport") ScriptedTransport transport,
				PusherTemplateConfigurer configurer) {
			return configurer.configure(PusherTemplate.builder(transport)).build();
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
