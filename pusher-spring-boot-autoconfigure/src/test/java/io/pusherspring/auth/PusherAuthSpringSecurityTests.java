package io.pusherspring.auth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pusherspring.auth.AuthTestConfiguration.RecordedDecisions;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static io.pusherspring.auth.PusherAuthEndpointTests.channelAuth;
import static io.pusherspring.auth.PusherAuthEndpointTests.ok;
import static io.pusherspring.auth.PusherAuthEndpointTests.refused;
import static io.pusherspring.auth.PusherAuthEndpointTests.userAuth;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the auth endpoints with Spring Security's {@code Authentication} as the
 * caller.
 */
class PusherAuthSpringSecurityTests {

	private static final JsonMapper json = JsonMapper.shared();

	private final WebApplicationContextRunner runner = AuthTestConfiguration.webApplication();

	@AfterEach
	void clearSecurityContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void authorizationManagerGuardsAPattern() {
		this.runner.run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			signIn("ada", "ROLE_TEACHER");
			ok(mvc, channelAuth("1.2", "private-staff-room1"));
			signIn("bob", "ROLE_STUDENT");
			refused(mvc, channelAuth("1.2", "private-staff-room1"), 403);
			assertThat(context.getBean(RecordedDecisions.class).last().reason()).startsWith("denied by ");
		});
	}

	@Test
	void pusherChannelMethodsReceiveTheAuthentication() {
		this.runner.run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			signIn("42", "ROLE_STUDENT");
			JsonNode answer = ok(mvc, channelAuth("1.2", "presence-room-7"));
			JsonNode member = json.readTree(answer.get("channel_data").stringValue());
			assertThat(member.get("user_id").stringValue()).isEqualTo("42");
			assertThat(member.get("user_info").get("via").stringValue()).isEqualTo("spring-security");
		});
	}

	@Test
	void treatsSpringSecuritysAnonymousTokenAsAnonymous() {
		this.runner.run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			SecurityContextHolder.getContext()
				.setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
						AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
			refused(mvc, channelAuth("1.2", "private-foobar"), 403);
			refused(mvc, userAuth("1.2"), 403);
			assertThat(context.getBean(RecordedDecisions.class).last().user()).isNull();
		});
	}

	@Test
	void signsInTheAuthenticatedUser() {
		this.runner.run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			signIn("ada", "ROLE_TEACHER");
			JsonNode answer = ok(mvc, userAuth("1.2"));
			assertThat(answer.get("user_data").stringValue()).isEqualTo("{\"id\":\"ada\"}");
		});
	}

	private static void signIn(String name, String... authorities) {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(name, null, authorities));
	}

}
