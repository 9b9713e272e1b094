package io.pusherspring.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChannelAuthorizer}'s factories and its declaration of authorizers that
 * never block.
 */
class ChannelAuthorizerTests {

	private static final ChannelAuthorizationContext ADA = context("private-user-ada", "ada");

	private static final ChannelAuthorizationContext BOB = context("private-user-ada", "bob");

	@Test
	void mayBlockUnlessDeclaredOtherwise() {
		ChannelAuthorizer own = ChannelAuthorizer.allowIf("private-user-{userId}",
				(context) -> context.variable("userId").equals(context.userName()));
		assertThat(own.mayBlock()).isTrue();
		assertThat(ChannelAuthorizer.of("private-{name}", (context) -> ChannelAuthorization.grant()).mayBlock())
			.isTrue();
		assertThat(ChannelAuthorizer.presence("presence-{name}", (context) -> null).mayBlock()).isTrue();
		assertThat(new Implemented().mayBlock()).isTrue();
		assertThat(ChannelAuthorizer.permitAll("private-{name}").mayBlock()).isFalse();
	}

	@Test
	void nonBlockingKeepsThePatternAndTheDecision() {
		ChannelAuthorizer own = ChannelAuthorizer
			.allowIf("private-user-{userId}", (context) -> context.variable("userId").equals(context.userName()))
			.nonBlocking();
		assertThat(own.mayBlock()).isFalse();
		assertThat(own.pattern()).isEqualTo("private-user-{userId}");
		assertThat(own.authorize(ADA)).isInstanceOf(ChannelAuthorization.Granted.class);
		assertThat(own.authorize(BOB)).isInstanceOf(ChannelAuthorization.Denied.class);
		assertThat(own).hasToString("ChannelAuthorizer[private-user-{userId}]");
		assertThat(own.nonBlocking()).isSameAs(own);
	}

	@Test
	void nonBlockingWrapsAnImplementationThatMayBlock() {
		ChannelAuthorizer implemented = new Implemented().nonBlocking();
		assertThat(implemented.mayBlock()).isFalse();
		assertThat(implemented.pattern()).isEqualTo("private-user-{userId}");
		assertThat(implemented.authorize(ADA)).isInstanceOf(ChannelAuthorization.Granted.class);
		assertThat(implemented.authorize(BOB)).isInstanceOf(ChannelAuthorization.Denied.class);
		assertThat(implemented).hasToString("implemented");
	}

	private static ChannelAuthorizationContext context(String channel, String user) {
		return new ChannelAuthorizationContext(channel, "1.2", Map.of("userId", "ada"), () -> user,
				ServletAuthRequest.of(new MockHttpServletRequest("POST", "/pusher/auth")));
	}

	static class Implemented implements ChannelAuthorizer {

		@Override
		public String pattern() {
			return "private-user-{userId}";
		}

		@Override
		public ChannelAuthorization authorize(ChannelAuthorizationContext context) {
			return context.variable("userId").equals(context.userName()) ? ChannelAuthorization.grant()
					: ChannelAuthorization.deny("not the user");
		}

		@Override
		public String toString() {
			return "implemented";
		}

	}

}
