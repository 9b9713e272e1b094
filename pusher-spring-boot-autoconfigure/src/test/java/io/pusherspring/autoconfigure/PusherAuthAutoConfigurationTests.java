package io.pusherspring.autoconfigure;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.bucket4j.Bucket;
import io.pusherspring.auth.AuthRateLimiter;
import io.pusherspring.auth.Bucket4jAuthRateLimiter;
import io.pusherspring.auth.ChannelAuthorizer;
import io.pusherspring.auth.ChannelAuthorizerRegistry;
import io.pusherspring.auth.ChannelVariable;
import io.pusherspring.auth.InMemoryProxyManager;
import io.pusherspring.auth.PusherAuthHandlerMapping;
import io.pusherspring.auth.PusherAuthRequestFilter;
import io.pusherspring.auth.PusherAuthService;
import io.pusherspring.auth.PusherChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PusherAuthAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class PusherAuthAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAutoConfiguration.class,
				PusherAuthAutoConfiguration.class))
		.withPropertyValues("pusher.app-id=3", "pusher.key=key", "pusher.secret=secret");

	@Test
	void definesEndpointsWithALocalRateLimitByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(PusherAuthHandlerMapping.class)
				.hasSingleBean(PusherAuthService.class)
				.hasSingleBean(ChannelAuthorizerRegistry.class)
				.hasSingleBean(Bucket4jAuthRateLimiter.class);
			assertThat(context.getBean(PusherAuthHandlerMapping.class).getUrlMap()).containsOnlyKeys("/pusher/auth",
					"/pusher/user-auth");
			assertThat(context.getBean(Bucket4jAuthRateLimiter.class))
				.hasToString("Bucket4jAuthRateLimiter[local, 120 requests per PT1M per caller]");
		});
	}

	@Test
	void guardsBothPathsWithAFilterOrderedBeforeSpringSecurity() {
		this.runner.run((context) -> {
			FilterRegistrationBean<?> registration = context.getBean("pusherAuthRequestFilterRegistration",
					FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isSameAs(context.getBean(PusherAuthRequestFilter.class));
			assertThat(registration.getUrlPatterns()).containsExactly("/pusher/auth", "/pusher/user-auth");
			assertThat(registration.getOrder()).isLessThan(SecurityFilterProperties.DEFAULT_FILTER_ORDER);
		});
	}

	@Test
	void filterGuardsTheConfiguredPathsUnderTheDispatcherServletsPath() {
		this.runner.withPropertyValues("pusher.auth.path=/realtime/auth", "pusher.auth.user-path=/realtime/me")
			.withBean(DispatcherServletPath.class, () -> () -> "/api")
			.run((context) -> {
				assertThat(context.getBean(PusherAuthHandlerMapping.class).getUrlMap())
					.containsOnlyKeys("/realtime/auth", "/realtime/me");
				PusherAuthRequestFilter filter = context.getBean(PusherAuthRequestFilter.class);
				assertThat(filter.getPath()).isEqualTo("/api/realtime/auth");
				assertThat(filter.getUserPath()).isEqualTo("/api/realtime/me");
				assertThat(context.getBean("pusherAuthRequestFilterRegistration", FilterRegistrationBean.class)
					.getUrlPatterns()).containsExactly("/api/realtime/auth", "/api/realtime/me");
			});
	}

	@Test
	void backsOffFromAnApplicationsFilter() {
		this.runner.withUserConfiguration(OwnFilterConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(PusherAuthRequestFilter.class);
			assertThat(context.getBean("pusherAuthRequestFilterRegistration", FilterRegistrationBean.class)
				.getUrlPatterns()).containsExactly("/own/auth", "/own/me");
		});
	}

	@Test
	void rateLimitPropertiesSetTheBudget() {
		this.runner.withPropertyValues("pusher.auth.rate-limit.capacity=10", "pusher.auth.rate-limit.period=30s")
			.run((context) -> assertThat(context.getBean(Bucket4jAuthRateLimiter.class))
				.hasToString("Bucket4jAuthRateLimiter[local, 10 requests per PT30S per caller]"));
	}

	@Test
	void sharesTheBudgetThroughAProxyManagerBean() {
		this.runner.withBean(InMemoryProxyManager.class, InMemoryProxyManager::new)
			.run((context) -> assertThat(context.getBean(Bucket4jAuthRateLimiter.class)).asString()
				.startsWith("Bucket4jAuthRateLimiter[shared through InMemoryProxyManager"));
	}

	@Test
	void backsOffFromAnApplicationsRateLimiter() {
		AuthRateLimiter own = (key) -> Duration.ZERO;
		this.runner.withBean(AuthRateLimiter.class, () -> own).run((context) -> {
			assertThat(context).doesNotHaveBean(Bucket4jAuthRateLimiter.class);
			assertThat(context.getBean(AuthRateLimiter.class)).isSameAs(own);
		});
	}

	@Test
	void rateLimitCanBeSwitchedOff() {
		this.runner.withPropertyValues("pusher.auth.rate-limit.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(PusherAuthHandlerMapping.class)
				.doesNotHaveBean(AuthRateLimiter.class));
	}

	@Test
	void warnsWhenBucket4jIsMissing(CapturedOutput output) {
		this.runner.withClassLoader(new FilteredClassLoader(Bucket.class)).run((context) -> {
			assertThat(context).hasSingleBean(PusherAuthHandlerMapping.class).doesNotHaveBean(AuthRateLimiter.class);
			assertThat(output).contains("The Pusher auth endpoints are not rate limited");
		});
	}

	@Test
	void switchedOffByProperty() {
		this.runner.withPropertyValues("pusher.auth.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PusherAuthHandlerMapping.class)
				.doesNotHaveBean(PusherAuthService.class)
				.doesNotHaveBean(PusherAuthRequestFilter.class));
	}

	@Test
	void needsAServletWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PusherAutoConfiguration.class, PusherAuthAutoConfiguration.class))
			.withPropertyValues("pusher.app-id=3", "pusher.key=key", "pusher.secret=secret")
			.run((context) -> assertThat(context).doesNotHaveBean(PusherAuthHandlerMapping.class));
	}

	@Test
	void needsSpringMvc() {
		this.runner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PusherAuthHandlerMapping.class));
	}

	@Test
	void startsWithoutCredentialsUntilAskedToSign() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAuthAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(PusherAuthHandlerMapping.class));
	}

	@Test
	void conflictingAuthorizersFailStartUpNamingBoth() {
		this.runner.withUserConfiguration(ConflictingAuthorizers.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("Channel authorizers bean 'classChats' (pattern 'private-{classId}-chat') "
						+ "and bean 'userChannels' (pattern 'private-user-{userId}') both match channels such as "
						+ "'private-user-chat'"));
	}

	@Test
	void pusherChannelMethodWithUnknownVariableFailsStartUp() {
		this.runner.withBean(UnknownVariable.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("@PusherChannel method")
				.hasMessageContaining("UnknownVariable.authorize")
				.hasMessageContaining("names variable 'userId', but the pattern has [classId]"));
	}

	@Test
	void pusherChannelMethodWithUnsupportedReturnTypeFailsStartUp() {
		this.runner.withBean(StringResult.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("it returns String; return boolean (private channels), "
						+ "PresenceMember (presence channels) or ChannelAuthorization"));
	}

	@Test
	void pusherChannelMethodWithUnsupportedParameterFailsStartUp() {
		this.runner.withBean(UnsupportedParameter.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("cannot supply parameter 0 of type Integer"));
	}

	@Test
	void slicesOfWebMvcTestImportTheAutoConfiguration() throws Exception {
		try (InputStream imports = getClass().getResourceAsStream(
				"/META-INF/spring/org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureWebMvc.imports")) {
			assertThat(new String(imports.readAllBytes(), StandardCharsets.UTF_8).lines())
				.contains(PusherAuthAutoConfiguration.class.getName());
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnFilterConfiguration {

		@Bean
		PusherAuthRequestFilter ownFilter(PusherAuthService service) {
			return new PusherAuthRequestFilter(service, "/own/auth", "/own/me");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConflictingAuthorizers {

		@Bean
		ChannelAuthorizer classChats() {
			return ChannelAuthorizer.permitAll("private-{classId}-chat");
		}

		@Bean
		ChannelAuthorizer userChannels() {
			return ChannelAuthorizer.permitAll("private-user-{userId}");
		}

	}

	static class UnknownVariable {

		@PusherChannel("private-class-{classId}")
		boolean authorize(@ChannelVariable("userId") String userId) {
			return true;
		}

	}

	static class StringResult {

		@PusherChannel("private-class-{classId}")
		String authorize() {
			return "yes";
		}

	}

	static class UnsupportedParameter {

		@PusherChannel("private-class-{classId}")
		boolean authorize(Integer classId) {
			return true;
		}

	}

}
