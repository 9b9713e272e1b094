package io.pusherspring.autoconfigure;

import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.observation.ObservationRegistry;
import io.pusherspring.autoconfigure.PusherProperties.Webhook.Deduplication;
import io.pusherspring.webhook.InMemoryWebhookDeduplicationStore;
import io.pusherspring.webhook.JdbcWebhookDeduplicationStore;
import io.pusherspring.webhook.PusherWebhookEndpoint;
import io.pusherspring.webhook.PusherWebhookEventObservationConvention;
import io.pusherspring.webhook.PusherWebhookFilter;
import io.pusherspring.webhook.PusherWebhookObservationConvention;
import io.pusherspring.webhook.PusherWebhookWebFilter;
import io.pusherspring.webhook.PusherWebhookWebHandler;
import io.pusherspring.webhook.WebhookDeduplicationStore;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for verified Pusher webhooks in a web application: a
 * {@link PusherWebhookFilter} on {@code pusher.webhook.path} and, with Spring MVC, the
 * built-in {@link PusherWebhookEndpoint}, or in Spring WebFlux their twins
 * {@link PusherWebhookWebFilter} and {@link PusherWebhookWebHandler}, that publish the
 * entries as application events, each once: a {@link WebhookDeduplicationStore} remembers
 * the entries handled, in memory or, with
 * {@code pusher.webhook.deduplication.store=jdbc}, in the application's
 * {@link DataSource}. Switched off by {@code pusher.webhook.enabled=false}. Both are
 * observed with the application's {@link ObservationRegistry} unless
 * {@code pusher.observations.enabled=false}.
 * <p>
 * It needs a {@link PusherConnectionDetails} bean and is therefore applied before
 * {@link PusherAuthAutoConfiguration}: a {@code @WebMvcTest} slice, which applies both
 * without {@link PusherAutoConfiguration}, guards no webhook path unless the test
 * supplies the app's credentials (as {@code @RecordPusherEvents} does).
 */
@AutoConfiguration(after = PusherAutoConfiguration.class, before = PusherAuthAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnClass(JsonMapper.class)
@ConditionalOnBooleanProperty(name = "pusher.webhook.enabled", matchIfMissing = true)
@ConditionalOnBean(PusherConnectionDetails.class)
@EnableConfigurationProperties(PusherProperties.class)
public final class PusherWebhookAutoConfiguration {

	/**
	 * Order of the filter: early, before Spring Security's filter chain, so that a forged
	 * delivery costs as little as possible.
	 */
	static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	/**
	 * Order of the built-in endpoint's handler mapping: after every mapping an
	 * application declares (controllers, router functions), before static resources.
	 */
	static final int ENDPOINT_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	/**
	 * The servlet filter on the webhook path and, with Spring MVC, the built-in endpoint.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(OncePerRequestFilter.class)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PusherWebhookFilter pusherWebhookFilter(PusherConnectionDetails connectionDetails, PusherProperties properties,
				ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<PusherWebhookObservationConvention> observationConvention, BeanFactory beanFactory) {
			PusherProperties.Webhook webhook = properties.getWebhook();
			String path = DispatcherServletPaths.withinApplication(webhook.getPath(), beanFactory);
			PusherWebhookFilter filter = new PusherWebhookFilter(path,
					webhook.determineSecretsByKey(connectionDetails.getKey(), connectionDetails.getSecret()),
					webhook.getMaxAge(), webhook.getMaxBodySize());
			PusherObservations.apply(properties, observationRegistry, observationConvention,
					filter::setObservationRegistry, filter::setObservationConvention);
			return filter;
		}

		@Bean
		@ConditionalOnMissingBean(name = "pusherWebhookFilterRegistration")
		FilterRegistrationBean<PusherWebhookFilter> pusherWebhookFilterRegistration(PusherWebhookFilter filter) {
			FilterRegistrationBean<PusherWebhookFilter> registration = new FilterRegistrationBean<>(filter);
			registration.addUrlPatterns(filter.getPath());
			registration.setOrder(FILTER_ORDER);
			return registration;
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(DispatcherServlet.class)
		static class EndpointConfiguration {

			@Bean
			@ConditionalOnMissingBean
			PusherWebhookEndpoint pusherWebhookEndpoint(ApplicationEventPublisher publisher,
					PusherProperties properties, ObjectProvider<ObservationRegistry> observationRegistry,
					ObjectProvider<PusherWebhookEventObservationConvention> observationConvention,
					ObjectProvider<WebhookDeduplicationStore> deduplicationStore) {
				PusherWebhookEndpoint endpoint = new PusherWebhookEndpoint(publisher);
				PusherObservations.apply(properties, observationRegistry, observationConvention,
						endpoint::setObservationRegistry, endpoint::setObservationConvention);
				if (properties.getWebhook().getDeduplication().isEnabled()) {
					Duration window = properties.getWebhook().determineDeduplicationWindow();
					deduplicationStore.ifUnique((store) -> endpoint.setDeduplication(store, window));
				}
				return endpoint;
			}

			@Bean
			@ConditionalOnMissingBean(name = "pusherWebhookHandlerMapping")
			SimpleUrlHandlerMapping pusherWebhookHandlerMapping(PusherWebhookEndpoint endpoint,
					PusherProperties properties) {
				return new SimpleUrlHandlerMapping(Map.of(properties.getWebhook().getPath(), endpoint), ENDPOINT_ORDER);
			}

		}

	}

	/**
	 * The web filter on the webhook path and the built-in endpoint in Spring WebFlux: no
	 * servlet API needed.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass({ DispatcherHandler.class, Mono.class })
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PusherWebhookWebFilter pusherWebhookWebFilter(PusherConnectionDetails connectionDetails,
				PusherProperties properties, ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<PusherWebhookObservationConvention> observationConvention) {
			PusherProperties.Webhook webhook = properties.getWebhook();
			PusherWebhookWebFilter filter = new PusherWebhookWebFilter(webhook.getPath(),
					webhook.determineSecretsByKey(connectionDetails.getKey(), connectionDetails.getSecret()),
					webhook.getMaxAge(), webhook.getMaxBodySize());
			filter.setOrder(FILTER_ORDER);
			PusherObservations.apply(properties, observationRegistry, observationConvention,
					filter::setObservationRegistry, filter::setObservationConvention);
			return filter;
		}

		@Bean
		@ConditionalOnMissingBean
		PusherWebhookWebHandler pusherWebhookWebHandler(ApplicationEventPublisher publisher,
				PusherProperties properties, ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<PusherWebhookEventObservationConvention> observationConvention,
				ObjectProvider<WebhookDeduplicationStore> deduplicationStore) {
			PusherWebhookWebHandler handler = new PusherWebhookWebHandler(publisher);
			PusherObservations.apply(properties, observationRegistry, observationConvention,
					handler::setObservationRegistry, handler::setObservationConvention);
			if (properties.getWebhook().getDeduplication().isEnabled()) {
				Duration window = properties.getWebhook().determineDeduplicationWindow();
				deduplicationStore.ifUnique((store) -> handler.setDeduplication(store, window));
			}
			return handler;
		}

		@Bean
		@ConditionalOnMissingBean(name = "pusherWebhookHandlerMapping")
		org.springframework.web.reactive.handler.SimpleUrlHandlerMapping pusherWebhookHandlerMapping(
				PusherWebhookWebHandler handler, PusherProperties properties) {
			return new org.springframework.web.reactive.handler.SimpleUrlHandlerMapping(
					Map.of(properties.getWebhook().getPath(), handler), ENDPOINT_ORDER);
		}

	}

	/**
	 * The store of handled webhook entries: in the application's {@link DataSource} with
	 * {@code pusher.webhook.deduplication.store=jdbc}, else in memory.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "pusher.webhook.deduplication.enabled", matchIfMissing = true)
	static class DeduplicationConfiguration {

		@Bean
		@ConditionalOnMissingBean(WebhookDeduplicationStore.class)
		InMemoryWebhookDeduplicationStore pusherWebhookDeduplicationStore(PusherProperties properties) {
			if (properties.getWebhook().getDeduplication().getStore() == Deduplication.Store.JDBC) {
				throw new InvalidConfigurationPropertyValueException("pusher.webhook.deduplication.store", "jdbc",
						"Add spring-jdbc (spring-boot-starter-jdbc) to the class path, or use memory.");
			}
			return new InMemoryWebhookDeduplicationStore();
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(JdbcOperations.class)
		@ConditionalOnProperty(name = "pusher.webhook.deduplication.store", havingValue = "jdbc")
		static class JdbcDeduplicationConfiguration {

			@Bean
			@ConditionalOnMissingBean(WebhookDeduplicationStore.class)
			JdbcWebhookDeduplicationStore pusherWebhookDeduplicationStore(ObjectProvider<DataSource> dataSource) {
				DataSource unique = dataSource.getIfUnique();
				if (unique == null) {
					throw new InvalidConfigurationPropertyValueException("pusher.webhook.deduplication.store", "jdbc",
							"Define one DataSource (for example with spring.datasource.url) whose database has the "
									+ "table of " + JdbcWebhookDeduplicationStore.SCHEMA_LOCATION + ", or use memory.");
				}
				return new JdbcWebhookDeduplicationStore(new JdbcTemplate(unique));
			}

		}

	}

}
