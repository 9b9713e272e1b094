package io.pusherspring.test.app;

import org.junit.jupiter.api.Test;

import io.pusherspring.auth.ChannelAuthorizer;
import io.pusherspring.test.PusherRequests;
import io.pusherspring.test.RecordPusherEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code PusherRequests.channelAuth(...)} and {@code userAuth(...)} go to the
 * application's configured auth paths, in a {@code @WebMvcTest} slice.
 */
@WebMvcTest(properties = { "pusher.auth.path=/api/pusher/auth", "pusher.auth.user-path=/api/pusher/user-auth" })
@RecordPusherEvents
@Import(ConfiguredAuthPathTests.Authorizers.class)
class ConfiguredAuthPathTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void channelAuthGoesToTheConfiguredPath() throws Exception {
		this.mvc.perform(PusherRequests.channelAuth("1234.5678", "private-user-42").principal(() -> "42"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.auth").isString())
			.andExpect((result) -> assertThat(result.getRequest().getRequestURI()).isEqualTo("/api/pusher/auth"));
	}

	@Test
	void userAuthGoesToTheConfiguredPath() throws Exception {
		this.mvc.perform(PusherRequests.userAuth("1234.5678").principal(() -> "42"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.user_data").isString())
			.andExpect((result) -> assertThat(result.getRequest().getRequestURI()).isEqualTo("/api/pusher/user-auth"));
	}

	@Test
	void aChosenUriWins() throws Exception {
		this.mvc.perform(
				PusherRequests.channelAuth("1234.5678", "private-user-42").uri("/elsewhere/auth").principal(() -> "42"))
			.andExpect(status().isNotFound());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Authorizers {

		@Bean
		ChannelAuthorizer everyPrivateUserChannel() {
			return ChannelAuthorizer.permitAll("private-user-{id}");
		}

	}

}
