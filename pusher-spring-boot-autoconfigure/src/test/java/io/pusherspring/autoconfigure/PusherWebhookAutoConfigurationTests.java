package io.pusherspring.autoconfigure;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.pusher.rest.SignatureUtil;
import io.pusherspring.auth.PusherAuthHandlerMapping;
import io.pusherspring.webhook.InMemoryWebhookDeduplicationStore;
import io.pusherspring.webhook.JdbcWebhookDeduplicationStore;
import io.pusherspring.webhook.PusherWebhook;
import io.pusherspring.webhook.PusherWebhookEndpoint;
import io.pusherspring.webhook.PusherWebhookFilter;
import io.pusherspring.webhook.WebhookDeduplicationStore;
import io.pusherspring.webhook.WebhookEvent;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.StreamUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PusherWebhookAutoConfiguration}.
 */
class PusherWebhookAutoConfigurationTests {

	private static final String[] CREDENTIALS = { "pusher.app-id=3", "pusher.key=278d425bdf160c739803",
			"pusher.secret=7ad3773142a6692b25b8" };

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAutoConfiguration.class,
				PusherWebhookAutoConfiguration.class));

	@Test
	void guardsTheDefaultPathAndDispatchesThereInAServletWebApplication() {
		this.runner.withPropertyValues(CREDENTIALS).run((context) -> {
			assertThat(context).hasSingleBean(PusherWebhookFilter.class).hasSingleBean(PusherWebhookEndpoint.class);
			FilterRegistrationBean<?> registration = context.getBean("pusherWebhookFilterRegistration",
					FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isSameAs(context.getBean(PusherWebhookFilter.class));
			assertThat(registration.getUrlPatterns()).containsExactly("/pusher/webhooks");
			assertThat(registration.getOrder()).isLessThan(-100);
			assertThat(handlerAt(context, "/pusher/webhooks")).isSameAs(context.getBean(PusherWebhookEndpoint.class));
			assertThat(handlerAt(context, "/pusher/other")).isNull();
		});
	}

	@Test
	void verifiesWithTheAppsKeyAndSecret() {
		this.runner.withPropertyValues(CREDENTIALS).run((context) -> {
			String body = body(Instant.now());
			assertThat(accepts(context, "/pusher/webhooks", "278d425bdf160c739803",
					SignatureUtil.sign(body, "7ad3773142a6692b25b8"), body))
				.isTrue();
			assertThat(accepts(context, "/pusher/webhooks", "278d425bdf160c739803", SignatureUtil.sign(body, "other"),
					body))
				.isFalse();
		});
	}

	@Test
	void verifiesWithTheCredentialsOfAConnectionDetailsBean() {
		this.runner.withUserConfiguration(PusherAutoConfigurationTests.CustomConnectionDetailsConfiguration.class)
			.run((context) -> {
				String body = body(Instant.now());
				assertThat(accepts(context, "/pusher/webhooks", "k", SignatureUtil.sign(body, "s"), body)).isTrue();
			});
	}

	@Test
	void pathPropertyMovesTheFilterAndTheEndpoint() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.webhook.path=/hooks/pusher")
			.run((context) -> {
				assertThat(context.getBean("pusherWebhookFilterRegistration", FilterRegistrationBean.class)
					.getUrlPatterns()).containsExactly("/hooks/pusher");
				assertThat(handlerAt(context, "/hooks/pusher")).isInstanceOf(PusherWebhookEndpoint.class);
				assertThat(handlerAt(context, "/pusher/webhooks")).isNull();
				String body = body(Instant.now());
				String signature = SignatureUtil.sign(body, "7ad3773142a6692b25b8");
				assertThat(accepts(context, "/hooks/pusher", "278d425bdf160c739803", signature, body)).isTrue();
			});
	}

	@Test
	void additionalKeysAreAcceptedWithTheirOwnSecrets() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.webhook.additional-keys.old-key=old-secret",
					"pusher.webhook.additional-keys.older-key=older-secret")
			.run((context) -> {
				String body = body(Instant.now());
				assertThat(
						accepts(context, "/pusher/webhooks", "old-key", SignatureUtil.sign(body, "old-secret"), body))
					.isTrue();
				assertThat(accepts(context, "/pusher/webhooks", "older-key", SignatureUtil.sign(body, "older-secret"),
						body))
					.isTrue();
				assertThat(accepts(context, "/pusher/webhooks", "278d425bdf160c739803",
						SignatureUtil.sign(body, "7ad3773142a6692b25b8"), body))
					.isTrue();
				assertThat(
						accepts(context, "/pusher/webhooks", "old-key", SignatureUtil.sign(body, "older-secret"), body))
					.isFalse();
			});
	}

	@Test
	void maxAgeIsApplied() {
		this.runner.withPropertyValues(CREDENTIALS).withPropertyValues("pusher.webhook.max-age=30s").run((context) -> {
			String old = body(Instant.now().minusSeconds(40));
			String recent = body(Instant.now().minusSeconds(20));
			assertThat(accepts(context, "/pusher/webhooks", "278d425bdf160c739803",
					SignatureUtil.sign(old, "7ad3773142a6692b25b8"), old))
				.isFalse();
			assertThat(accepts(context, "/pusher/webhooks", "278d425bdf160c739803",
					SignatureUtil.sign(recent, "7ad3773142a6692b25b8"), recent))
				.isTrue();
		});
	}

	@Test
	void maxBodySizeIsApplied() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.webhook.max-body-size=40B")
			.run((context) -> {
				String body = body(Instant.now());
				assertThat(body).hasSizeGreaterThan(40);
				MockHttpServletResponse response = filter(context, "/pusher/webhooks", "278d425bdf160c739803",
						SignatureUtil.sign(body, "7ad3773142a6692b25b8"), body);
				assertThat(response.getStatus()).isEqualTo(413);
			});
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.webhook.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PusherWebhookFilter.class)
				.doesNotHaveBean(PusherWebhookEndpoint.class)
				.doesNotHaveBean("pusherWebhookFilterRegistration"));
	}

	@Test
	void backsOffOutsideServletWebApplications() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAutoConfiguration.class,
					PusherWebhookAutoConfiguration.class))
			.withPropertyValues(CREDENTIALS)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PusherWebhookFilter.class));
	}

	@Test
	void backsOffWithoutConnectionDetails() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(PusherWebhookAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PusherWebhookFilter.class));
	}

	@Test
	void aSliceWithTheAuthEndpointsButNoCredentialsStartsWithoutGuardingWebhooks() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					PusherWebhookAutoConfiguration.class, PusherAuthAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(PusherAuthHandlerMapping.class)
				.doesNotHaveBean(PusherWebhookFilter.class));
	}

	@Test
	void backsOffWithoutSpringWeb() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withClassLoader(new FilteredClassLoader(OncePerRequestFilter.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PusherWebhookFilter.class));
	}

	@Test
	void withoutSpringMvcOnlyTheFilterGuardsThePath() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).hasSingleBean(PusherWebhookFilter.class)
				.doesNotHaveBean(PusherWebhookEndpoint.class));
	}

	@Test
	void userDefinedFilterReplacesTheAutoConfiguredOne() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withUserConfiguration(CustomFilterConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(PusherWebhookFilter.class);
				assertThat(context.getBean(PusherWebhookFilter.class).getPath()).isEqualTo("/custom");
				assertThat(context.getBean("pusherWebhookFilterRegistration", FilterRegistrationBean.class)
					.getUrlPatterns()).containsExactly("/custom");
			});
	}

	@Test
	void missingCredentialsFailStartupNamingThem() {
		this.runner.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOf(MissingPusherCredentialsException.class)
			.hasMessageContaining("pusher.secret"));
	}

	@Test
	void pathMustBeAbsoluteAndLiteral() {
		for (String path : new String[] { "hooks", "/hooks/*", "/hooks/{id}", "/hooks pusher", "" }) {
			this.runner.withPropertyValues(CREDENTIALS)
				.withPropertyValues("pusher.webhook.path=" + path)
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("pusher.webhook.path"));
		}
	}

	@Test
	void maxAgeMustBePositive() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.webhook.max-age=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pusher.webhook.max-age"));
	}

	@Test
	void maxBodySizeMustFitInMemory() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.webhook.max-body-size=4GB")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pusher.webhook.max-body-size"));
	}

	@Test
	void anAdditionalKeyNeedsASecret() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.webhook.additional-keys.old-key=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pusher.webhook.additional-keys[old-key]"));
	}

	@Test
	void anAdditionalKeyMustNotRepeatTheAppsKeyAndItsSecretIsNotShown() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.webhook.additional-keys.278d425bdf160c739803=a-second-secret")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("already the app's key")
				.hasMessageNotContaining("a-second-secret"));
	}

	@Test
	void deduplicatesInMemoryByDefault() {
		this.runner.withPropertyValues(CREDENTIALS).withUserConfiguration(Listener.class).run((context) -> {
			assertThat(context).hasSingleBean(InMemoryWebhookDeduplicationStore.class);
			assertThat(context.getBean(PusherWebhookEndpoint.class)).asString()
				.contains("de-duplicated in InMemoryWebhookDeduplicationStore");
			String body = body(Instant.now());
			assertThat(deliver(context, body)).isEqualTo(200);
			assertThat(deliver(context, body)).isEqualTo(200);
			assertThat(context.getBean(Listener.class).events).hasSize(1);
		});
	}

	@Test
	void storesHandledEntriesInTheDataSourceWhenTheStoreIsJdbc() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.webhook.deduplication.store=jdbc", "pusher.webhook.max-age=10m")
			.withUserConfiguration(Listener.class, EmbeddedDataSource.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(JdbcWebhookDeduplicationStore.class)
					.doesNotHaveBean(InMemoryWebhookDeduplicationStore.class);
				Instant time = Instant.now();
				String body = body(time);
				assertThat(deliver(context, body)).isEqualTo(200);
				assertThat(deliver(context, body)).isEqualTo(200);
				assertThat(context.getBean(Listener.class).events).hasSize(1);
				Map<String, Object> row = new JdbcTemplate(context.getBean(DataSource.class))
					.queryForMap("SELECT * FROM pusher_webhook_event");
				assertThat(row.get("handled_at")).isNotNull();
				assertThat(row.get("expires_at")).as("kept for max-age (the default window) and a minute")
					.isEqualTo(time.plus(Duration.ofMinutes(11)).toEpochMilli());
			});
	}

	@Test
	void aStoreBeanReplacesTheAutoConfiguredOne() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.webhook.deduplication.store=jdbc")
			.withUserConfiguration(CustomStoreConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(WebhookDeduplicationStore.class);
				assertThat(context.getBean(PusherWebhookEndpoint.class)).asString().contains("de-duplicated in custom");
			});
	}

	@Test
	void theJdbcStoreNeedsADataSource() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.webhook.deduplication.store=jdbc")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("pusher.webhook.deduplication.store")
				.hasMessageContaining("Define one DataSource")
				.hasMessageContaining(JdbcWebhookDeduplicationStore.SCHEMA_LOCATION));
	}

	@Test
	void theJdbcStoreNeedsSpringJdbc() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.webhook.deduplication.store=jdbc")
			.withClassLoader(new FilteredClassLoader(JdbcOperations.class))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pusher.webhook.deduplication.store")
				.hasMessageContaining("spring-jdbc"));
	}

	@Test
	void deduplicationCanBeSwitchedOff() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.webhook.deduplication.enabled=false")
			.withUserConfiguration(Listener.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(WebhookDeduplicationStore.class);
				String body = body(Instant.now());
				assertThat(deliver(context, body)).isEqualTo(200);
				assertThat(deliver(context, body)).isEqualTo(200);
				assertThat(context.getBean(Listener.class).events).hasSize(2);
			});
	}

	@Test
	void theWindowMustCoverMaxAge() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.webhook.max-age=5m", "pusher.webhook.deduplication.window=1m")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("pusher.webhook.deduplication.window")
				.hasMessageContaining("at least pusher.webhook.max-age"));
	}

	@Test
	void everyWebhookPropertyHasADescription() throws Exception {
		try (InputStream metadata = new ClassPathResource("META-INF/spring-configuration-metadata.json")
			.getInputStream()) {
			String json = StreamUtils.copyToString(metadata, StandardCharsets.UTF_8);
			for (String property : new String[] { "enabled", "path", "max-age", "max-body-size", "additional-keys",
					"deduplication.enabled", "deduplication.store", "deduplication.window" }) {
				assertThat(json).containsPattern(
						"\"name\": \"pusher\\.webhook\\." + property + "\",[^}]*\"description\": \"[A-Z][^\"]+\\.\"");
			}
		}
	}

	private static String body(Instant time) {
		return "{\"time_ms\":" + time.toEpochMilli()
				+ ",\"events\":[{\"name\":\"cache_miss\",\"channel\":\"cache-a\"}]}";
	}

	private static Object handlerAt(AssertableWebApplicationContext context, String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		ServletRequestPathUtils.parseAndCache(request);
		HandlerExecutionChain chain = context.getBean("pusherWebhookHandlerMapping", HandlerMapping.class)
			.getHandler(request);
		return (chain != null) ? chain.getHandler() : null;
	}

	private static boolean accepts(AssertableWebApplicationContext context, String path, String key, String signature,
			String body) throws Exception {
		MockFilterChain chain = new MockFilterChain();
		filter(context, path, key, signature, body, chain);
		return chain.getRequest() != null && ((HttpServletRequest) chain.getRequest())
			.getAttribute(PusherWebhookFilter.WEBHOOK_ATTRIBUTE) instanceof PusherWebhook;
	}

	private static MockHttpServletResponse filter(AssertableWebApplicationContext context, String path, String key,
			String signature, String body) throws Exception {
		return filter(context, path, key, signature, body, new MockFilterChain());
	}

	private static MockHttpServletResponse filter(AssertableWebApplicationContext context, String path, String key,
			String signature, String body, MockFilterChain chain) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.addHeader("X-Pusher-Key", key);
		request.addHeader("X-Pusher-Signature", signature);
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		MockHttpServletResponse response = new MockHttpServletResponse();
		context.getBean(PusherWebhookFilter.class).doFilter(request, response, chain);
		return response;
	}

	/**
	 * Verify a signed body with the filter and hand it to the endpoint.
	 * @return the endpoint's answer
	 */
	private static int deliver(AssertableWebApplicationContext context, String body) throws Exception {
		MockFilterChain chain = new MockFilterChain();
		filter(context, "/pusher/webhooks", "278d425bdf160c739803", SignatureUtil.sign(body, "7ad3773142a6692b25b8"),
				body, chain);
		MockHttpServletResponse response = new MockHttpServletResponse();
		context.getBean(PusherWebhookEndpoint.class).handleRequest((HttpServletRequest) chain.getRequest(), response);
		return response.getStatus();
	}

	@Configuration(proxyBeanMethods = false)
	static class Listener {

		final List<WebhookEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(WebhookEvent event) {
			this.events.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EmbeddedDataSource {

		@Bean(destroyMethod = "shutdown")
		EmbeddedDatabase dataSource() {
			return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
				.generateUniqueName(true)
				.addScript(JdbcWebhookDeduplicationStore.SCHEMA_LOCATION)
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomStoreConfiguration {

		@Bean
		WebhookDeduplicationStore customStore() {
			return new WebhookDeduplicationStore() {

				@Override
				public Claim claim(String id, String claimant, Instant leaseEnd, Instant expiresAt) {
					return Claim.CLAIMED;
				}

				@Override
				public boolean complete(String id, String claimant) {
					return true;
				}

				@Override
				public void release(String id, String claimant) {
				}

				@Override
				public String toString() {
					return "custom";
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomFilterConfiguration {

		@Bean
		PusherWebhookFilter customWebhookFilter() {
			return new PusherWebhookFilter("/custom", Map.of("k", "s"), Duration.ofMinutes(1), DataSize.ofKilobytes(1));
		}

	}

}
