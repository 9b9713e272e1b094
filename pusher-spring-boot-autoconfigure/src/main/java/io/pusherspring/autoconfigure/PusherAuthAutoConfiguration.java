package io.pusherspring.autoconfigure;

import java.util.List;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.pusherspring.auth.AuthRateLimiter;
import io.pusherspring.auth.Bucket4jAuthRateLimiter;
import io.micrometer.observation.ObservationRegistry;
import io.pusherspring.auth.ChannelAuthorizerRegistry;
import io.pusherspring.auth.PusherAuthHandlerMapping;
import io.pusherspring.auth.PusherAuthObservationConvention;
import io.pusherspring.auth.PusherAuthRequestFilter;
import io.pusherspring.auth.PusherAuthRequestWebFilter;
import io.pusherspring.auth.PusherAuthService;
import io.pusherspring.auth.PusherSignOut;
import io.pusherspring.auth.PusherAuthWebFluxHandlerMapping;
import io.pusherspring.auth.PusherUserResolver;
import io.pusherspring.auth.UserConnectionLimit;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.ChannelEncryption;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionService;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.util.Assert;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for Pusher channel authorization and user authentication in web
 * applications, Spring MVC or Spring WebFlux: the {@code pusher.auth.path} and
 * {@code pusher.auth.user-path} endpoints, deciding with the application's
 * {@link io.pusherspring.auth.ChannelAuthorizer} beans and
 * {@link io.pusherspring.auth.PusherChannel @PusherChannel} methods, guarded by a filter
 * ({@link PusherAuthRequestFilter}, {@link PusherAuthRequestWebFilter}) that refuses
 * bodies they cannot read before Spring Security and the web framework see them, rate
 * limited with Bucket4j when it is on the class path, and observed with the application's
 * {@link ObservationRegistry} unless {@code pusher.observations.enabled=false}. Signs
 * with the {@link PusherConnectionDetails} and encrypts with the
 * {@link ChannelEncryption} that {@link PusherAutoConfiguration} defines (a
 * {@code @WebMvcTest} slice, which applies this configuration alone, defines them the
 * same way).
 */
@AutoConfiguration(after = PusherAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnClass(JsonMapper.class)
@ConditionalOnBooleanProperty(name = "pusher.auth.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PusherProperties.class)
@Import(PusherConnectionConfiguration.class)
public final class PusherAuthAutoConfiguration {

	/**
	 * Order of the filter that reads the auth requests' bodies: early, before Spring
	 * Security's filter chain and the web framework's request-wrapping filters, so that
	 * none of them parses a body the endpoints refuse.
	 */
	static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private static final Log logger = LogFactory.getLog(PusherAuthAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	static ChannelAuthorizerRegistry pusherChannelAuthorizerRegistry(ConfigurableListableBeanFactory beanFactory) {
		ConversionService conversionService = beanFactory.getConversionService();
		return new ChannelAuthorizerRegistry(beanFactory,
				(conversionService != null) ? conversionService : ApplicationConversionService.getSharedInstance());
	}

	@Bean
	@ConditionalOnMissingBean
	PusherAuthService pusherAuthService(PusherProperties properties, PusherConnectionDetails connectionDetails,
			ChannelAuthorizerRegistry authorizers, ObjectProvider<PusherUserResolver> userResolver,
			ObjectProvider<ChannelEncryption> encryption, ObjectProvider<AuthRateLimiter> rateLimiter,
			ApplicationEventPublisher eventPublisher, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<PusherAuthObservationConvention> observationConvention,
			ObjectProvider<PusherSignOut> signOut, ObjectProvider<UserConnectionLimit> connectionLimit) {
		PusherProperties.Auth auth = properties.getAuth();
		AuthRateLimiter limiter = auth.getRateLimit().isEnabled() ? rateLimiter.getIfAvailable() : null;
		if (auth.getRateLimit().isEnabled() && limiter == null) {
			logger.warn("The Pusher auth endpoints are not rate limited: pusher.auth.rate-limit.enabled is true, "
					+ "but Bucket4j is not on the class path. Add com.bucket4j:bucket4j_jdk17-core "
					+ "(pusher-spring-boot-starter brings it), or set pusher.auth.rate-limit.enabled=false.");
		}
		PusherUserResolver resolver = userResolver.getIfAvailable(PusherUserResolver::principalName);
		PusherAuthService.Builder builder = PusherAuthService.builder(connectionDetails::getCredentials, authorizers)
			.userResolver((signOut.getIfAvailable() != null) ? PusherSignOut.remembering(resolver) : resolver)
			.encryption(encryption.getIfAvailable())
			.rateLimiter(limiter)
			.connectionLimit(connectionLimit.getIfAvailable())
			.allowAnonymous(auth.isAllowAnonymous())
			.events(eventPublisher::publishEvent);
		PusherObservations.apply(properties, observationRegistry, observationConvention, builder::observationRegistry,
				builder::observationConvention);
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("pusher.auth.user.max-connections")
	@ConditionalOnBean(PusherOperations.class)
	UserConnectionLimit pusherUserConnectionLimit(PusherProperties properties, PusherOperations operations) {
		PusherProperties.Auth.User user = properties.getAuth().getUser();
		Integer maxConnections = user.getMaxConnections();
		Assert.state(maxConnections != null, "pusher.auth.user.max-connections is set");
		return new UserConnectionLimit(operations, maxConnections, user.getConnectionsChannel());
	}

	@Bean
	SmartInitializingSingleton pusherEncryptedChannelCheck(ChannelAuthorizerRegistry authorizers,
			ObjectProvider<ChannelEncryption> encryption) {
		return () -> {
			if (encryption.getIfAvailable() != null) {
				return;
			}
			List<String> encrypted = authorizers.encryptedChannelAuthorizers();
			if (!encrypted.isEmpty()) {
				logger.warn("pusher.encryption-master-key is not set, so subscriptions to private-encrypted- "
						+ "channels are denied (403), although " + String.join(", ", encrypted)
						+ " could grant them. Generate a key with: openssl rand -base64 32");
			}
		};
	}

	/**
	 * Terminates a user's Pusher connections when Spring Security logs them out or their
	 * HTTP session ends, with Spring Security's publisher of session events.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass({ LogoutSuccessEvent.class, HttpSessionEventPublisher.class })
	@ConditionalOnBooleanProperty("pusher.auth.user.terminate-connections-on-sign-out")
	static class SignOutConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(PusherOperations.class)
		PusherSignOut pusherSignOut(PusherOperations operations, ObjectProvider<PusherUserResolver> userResolver) {
			return new PusherSignOut(operations, userResolver.getIfAvailable(PusherUserResolver::principalName));
		}

		@Bean
		@ConditionalOnMissingBean
		static HttpSessionEventPublisher pusherHttpSessionEventPublisher() {
			return new HttpSessionEventPublisher();
		}

	}

	/**
	 * The endpoints in Spring MVC, and the servlet filter that guards them.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(DispatcherServlet.class)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PusherAuthHandlerMapping pusherAuthHandlerMapping(PusherAuthService pusherAuthService,
				PusherProperties properties) {
			return new PusherAuthHandlerMapping(pusherAuthService, properties.getAuth().getPath(),
					properties.getAuth().getUserPath());
		}

		@Bean
		@ConditionalOnMissingBean
		PusherAuthRequestFilter pusherAuthRequestFilter(PusherAuthService pusherAuthService,
				PusherProperties properties, BeanFactory beanFactory) {
			PusherProperties.Auth auth = properties.getAuth();
			return new PusherAuthRequestFilter(pusherAuthService,
					DispatcherServletPaths.withinApplication(auth.getPath(), beanFactory),
					DispatcherServletPaths.withinApplication(auth.getUserPath(), beanFactory));
		}

		@Bean
		@ConditionalOnMissingBean(name = "pusherAuthRequestFilterRegistration")
		FilterRegistrationBean<PusherAuthRequestFilter> pusherAuthRequestFilterRegistration(
				PusherAuthRequestFilter filter) {
			FilterRegistrationBean<PusherAuthRequestFilter> registration = new FilterRegistrationBean<>(filter);
			registration.addUrlPatterns(filter.getPath(), filter.getUserPath());
			registration.setOrder(FILTER_ORDER);
			return registration;
		}

	}

	/**
	 * The endpoints in Spring WebFlux, and the web filter that guards them: no servlet
	 * API needed.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass({ DispatcherHandler.class, Mono.class })
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PusherAuthWebFluxHandlerMapping pusherAuthWebFluxHandlerMapping(PusherAuthService pusherAuthService,
				PusherProperties properties) {
			return new PusherAuthWebFluxHandlerMapping(pusherAuthService, properties.getAuth().getPath(),
					properties.getAuth().getUserPath(), Schedulers.boundedElastic());
		}

		@Bean
		@ConditionalOnMissingBean
		PusherAuthRequestWebFilter pusherAuthRequestWebFilter(PusherAuthService pusherAuthService,
				PusherProperties properties) {
			PusherAuthRequestWebFilter filter = new PusherAuthRequestWebFilter(pusherAuthService,
					properties.getAuth().getPath(), properties.getAuth().getUserPath());
			filter.setOrder(FILTER_ORDER);
			return filter;
		}

	}

	/**
	 * A Bucket4j budget per caller: shared through the application's {@link ProxyManager}
	 * bean if it has one, else in this instance's memory.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Bucket.class)
	@ConditionalOnBooleanProperty(name = "pusher.auth.rate-limit.enabled", matchIfMissing = true)
	static class Bucket4jRateLimitConfiguration {

		@Bean
		@ConditionalOnMissingBean(AuthRateLimiter.class)
		Bucket4jAuthRateLimiter pusherAuthRateLimiter(PusherProperties properties,
				ObjectProvider<ProxyManager<String>> proxyManager) {
			PusherProperties.Auth.RateLimit rateLimit = properties.getAuth().getRateLimit();
			ProxyManager<String> shared = proxyManager.getIfUnique();
			return (shared != null)
					? Bucket4jAuthRateLimiter.shared(shared, rateLimit.getCapacity(), rateLimit.getPeriod())
					: Bucket4jAuthRateLimiter.local(rateLimit.getCapacity(), rateLimit.getPeriod());
		}

	}

}
