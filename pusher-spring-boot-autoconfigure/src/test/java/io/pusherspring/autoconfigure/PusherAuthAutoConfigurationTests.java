package io.pusherspring.autoconfigure;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
import io.pusherspring.auth.PusherSignOut;
import io.pusherspring.auth.UserConnectionLimit;
import io.pusherspring.core.ChannelEncryption;
import io.pusherspring.core.PusherTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletPath;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tests for {@link PusherAuthAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class PusherAuthAutoConfigurationTests {

	private static final String MASTER_KEY = Base64.getEncoder()
		.encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAutoConfiguration.class,
				PusherAuthAutoConfiguration.class))
		.withPropertyValues("pusher.app-id=3", "pusher.key=key", "pusher.secret=secret");

	private final WebApplicationContextRunner mvcRunner = this.runner
		.withConfiguration(
				AutoConfigurations.of(HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class))
		.withUserConfiguration(PermitAll.class);

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
	void terminatesNoConnectionsOnSignOutByDefault() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(PusherSignOut.class)
			.doesNotHaveBean(HttpSessionEventPublisher.class));
	}

	@Test
	void terminatesConnectionsOnSignOutWhenAskedWithSessionEventsPublished() {
		this.runner.withPropertyValues("pusher.auth.user.terminate-connections-on-sign-out=true")
			.run((context) -> assertThat(context).hasSingleBean(PusherSignOut.class)
				.hasSingleBean(HttpSessionEventPublisher.class));
	}

	@Test
	void signOutBacksOffWithoutSpringSecurityWeb() {
		this.runner.withPropertyValues("pusher.auth.user.terminate-connections-on-sign-out=true")
			.withClassLoader(new FilteredClassLoader(HttpSessionEventPublisher.class))
			.run((context) -> assertThat(context).hasSingleBean(PusherAuthService.class)
				.doesNotHaveBean(PusherSignOut.class));
	}

	@Test
	void signOutKeepsTheApplicationsSessionEventPublisher() {
		this.runner.withPropertyValues("pusher.auth.user.terminate-connections-on-sign-out=true")
			.withBean("ownPublisher", HttpSessionEventPublisher.class, HttpSessionEventPublisher::new)
			.run((context) -> assertThat(context).hasSingleBean(HttpSessionEventPublisher.class)
				.hasBean("ownPublisher"));
	}

	@Test
	void limitsNoUserConnectionsByDefault() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(UserConnectionLimit.class));
	}

	@Test
	void limitsUserConnectionsOnTheUsersOwnChannelWhenMaxConnectionsIsSet() {
		this.runner.withPropertyValues("pusher.auth.user.max-connections=3")
			.run((context) -> assertThat(context).getBean(UserConnectionLimit.class)
				.hasToString("UserConnectionLimit[3 connections per user on private-user-{userId}]"));
	}

	@Test
	void aMaxConnectionsBelowOneFailsStartUp() {
		this.runner.withPropertyValues("pusher.auth.user.max-connections=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pusher.auth.user.max-connections"));
	}

	@Test
	void aConnectionsChannelThatIsNotPrivateFailsStartUp() {
		this.runner
			.withPropertyValues("pusher.auth.user.max-connections=3",
					"pusher.auth.user.connections-channel=presence-user-{userId}")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pusher.auth.user.connections-channel"));
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
	void signsWithTheConnectionDetailsThatThePublishingAutoConfigurationDefines() {
		this.mvcRunner.withPropertyValues("pusher.encryption-master-key=" + MASTER_KEY).run((context) -> {
			assertThat(context).hasSingleBean(PusherConnectionDetails.class).hasSingleBean(ChannelEncryption.class);
			JsonNode answer = authorize(context, "private-encrypted-notes");
			assertThat(answer.get("auth").stringValue())
				.isEqualTo("key:" + hmac("secret", "1.2:private-encrypted-notes"));
			assertThat(answer.get("shared_secret").stringValue())
				.isEqualTo(sharedSecret("private-encrypted-notes", MASTER_KEY));
		});
	}

	@Test
	void signsWithAConnectionDetailsBeanOfTheApplication() {
		this.mvcRunner.withBean(PusherConnectionDetails.class, () -> connectionDetails("other-key", "other-secret"))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesPusherConnectionDetails.class);
				assertThat(authorize(context, "private-notes").get("auth").stringValue())
					.isEqualTo("other-key:" + hmac("other-secret", "1.2:private-notes"));
			});
	}

	@Test
	void encryptsWithAChannelEncryptionBeanOfTheApplication() {
		String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
		this.mvcRunner.withPropertyValues("pusher.encryption-master-key=" + MASTER_KEY)
			.withBean(ChannelEncryption.class, () -> new ChannelEncryption(otherKey))
			.run((context) -> {
				assertThat(context).hasSingleBean(ChannelEncryption.class);
				assertThat(authorize(context, "private-encrypted-notes").get("shared_secret").stringValue())
					.isEqualTo(sharedSecret("private-encrypted-notes", otherKey));
			});
	}

	@Test
	void aSliceWithoutThePublishingAutoConfigurationDefinesTheSameBeansOnce() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
							WebMvcAutoConfiguration.class, PusherAuthAutoConfiguration.class))
			.withUserConfiguration(PermitAll.class)
			.withPropertyValues("pusher.app-id=3", "pusher.key=key", "pusher.secret=secret",
					"pusher.encryption-master-key=" + MASTER_KEY)
			.run((context) -> {
				assertThat(context).hasSingleBean(PropertiesPusherConnectionDetails.class)
					.hasSingleBean(ChannelEncryption.class)
					.doesNotHaveBean(PusherTemplate.class);
				assertThat(authorize(context, "private-encrypted-notes").get("shared_secret").stringValue())
					.isEqualTo(sharedSecret("private-encrypted-notes", MASTER_KEY));
			});
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

	private static JsonNode authorize(ApplicationContext context, String channel) throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).build();
		String body = mvc
			.perform(post("/pusher/auth").principal(() -> "42")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("socket_id=1.2&channel_name=" + channel))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonMapper.shared().readTree(body);
	}

	private static String hmac(String secret, String message) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
	}

	private static String sharedSecret(String channel, String masterKey) throws Exception {
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		sha256.update(channel.getBytes(StandardCharsets.UTF_8));
		sha256.update(Base64.getDecoder().decode(masterKey));
		return Base64.getEncoder().encodeToString(sha256.digest());
	}

	private static PusherConnectionDetails connectionDetails(String key, String secret) {
		return new PusherConnectionDetails() {

			@Override
			public String getAppId() {
				return "3";
			}

			@Override
			public String getKey() {
				return key;
			}

			@Override
			public String getSecret() {
				return secret;
			}

			@Override
			public URI getEndpoint() {
				return URI.create("http://localhost:8099");
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	static class PermitAll {

		@Bean
		ChannelAuthorizer privateChannels() {
			return ChannelAuthorizer.permitAll("private-{name}");
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
