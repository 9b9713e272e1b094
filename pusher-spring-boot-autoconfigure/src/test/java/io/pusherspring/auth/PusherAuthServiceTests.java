package io.pusherspring.auth;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.pusherspring.auth.PusherAuthorizationEvent.Kind;
import io.pusherspring.auth.PusherAuthorizationEvent.Outcome;
import io.pusherspring.core.PusherCredentials;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision core on its own, as an application's own controller would call it: no web
 * stack, a request view of its own.
 */
class PusherAuthServiceTests {

	private static final Principal ADA = () -> "ada";

	private static final Instant NOW = Instant.parse("2026-03-17T09:00:00Z");

	private final List<PusherAuthorizationEvent> events = new ArrayList<>();

	private final PusherAuthService service = PusherAuthService
		.builder(() -> new PusherCredentials("3", AuthTestConfiguration.KEY, AuthTestConfiguration.SECRET),
				ChannelAuthorizerRegistry.of(List.of(ChannelAuthorizer.permitAll("private-foobar"),
						ChannelAuthorizer.allowIf("private-tenant-{tenant}",
								(context) -> context.variable("tenant")
									.equals(context.httpRequest().getHeader("X-Tenant"))))))
		.events(this.events::add)
		.clock(Clock.fixed(NOW, ZoneOffset.UTC))
		.rateLimiter((key) -> key.equals("user:bob") ? Duration.ofMillis(1500) : Duration.ZERO)
		.build();

	@Test
	void signsAGrantAsPusherDocumentsIt() {
		AuthResponse response = this.service.authorizeChannel(new Request(Map.of()), ADA, "1234.1234",
				"private-foobar");
		assertThat(response).isInstanceOf(AuthResponse.Signed.class);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).containsExactly(Map.entry("auth",
				AuthTestConfiguration.KEY + ":58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4"));
		assertThat(response.decision()).isEqualTo(this.events.get(0));
		assertThat(this.events.get(0))
			.isEqualTo(new PusherAuthorizationEvent(NOW, Kind.CHANNEL_AUTHORIZATION, Outcome.GRANTED, "private-foobar",
					"private-foobar", "ada", "1234.1234", "granted by ChannelAuthorizer[private-foobar]"));
	}

	@Test
	void authorizersReadTheRequestThroughItsView() {
		assertThat(this.service.authorizeChannel(new Request(Map.of("X-Tenant", "acme")), ADA, "1.2",
				"private-tenant-acme"))
			.extracting(AuthResponse::status)
			.isEqualTo(200);
		AuthResponse denied = this.service.authorizeChannel(new Request(Map.of("X-Tenant", "other")), ADA, "1.2",
				"private-tenant-acme");
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.body())
			.containsExactly(Map.entry("error", "Not authorized to subscribe to 'private-tenant-acme'"));
	}

	@Test
	void refusesMalformedFieldsWithoutADecision() {
		AuthResponse response = this.service.authorizeChannel(new Request(Map.of()), ADA, "1.2.3", "private-foobar");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.decision()).isNull();
		assertThat(this.events).isEmpty();
	}

	@Test
	void rateLimitsWithTheWaitInWholeSeconds() {
		assertThat(this.service.rateLimit(Kind.USER_AUTHENTICATION, new Request(Map.of()), ADA)).isNull();
		AuthResponse limited = this.service.rateLimit(Kind.USER_AUTHENTICATION, new Request(Map.of()), () -> "bob");
		assertThat(limited).isInstanceOfSatisfying(AuthResponse.Refused.class, (refused) -> {
			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.retryAfterSeconds()).isEqualTo(2);
		});
		assertThat(this.events).singleElement()
			.extracting(PusherAuthorizationEvent::outcome)
			.isEqualTo(Outcome.RATE_LIMITED);
	}

	@Test
	void signsUsersIn() {
		AuthResponse response = this.service.authenticateUser(new Request(Map.of()), () -> "12345", "1234.1234");
		assertThat(response.body()).containsEntry("user_data", "{\"id\":\"12345\"}")
			.containsEntry("auth",
					AuthTestConfiguration.KEY + ":4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba");
	}

	/**
	 * A request view of an application's own.
	 */
	private record Request(Map<String, String> headers) implements AuthRequest {

		@Override
		public String getMethod() {
			return "POST";
		}

		@Override
		public String getPath() {
			return "/realtime/auth";
		}

		@Override
		public @Nullable String getHeader(String name) {
			return this.headers.get(name);
		}

		@Override
		public List<String> getHeaderValues(String name) {
			String value = this.headers.get(name);
			return (value != null) ? List.of(value) : List.of();
		}

		@Override
		public @Nullable String getRemoteAddress() {
			return "192.0.2.1";
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			return null;
		}

		@Override
		public <T> @Nullable T getNativeRequest(Class<T> type) {
			return null;
		}

	}

}
