package io.pusherspring.auth;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pusherspring.auth.AuthTestConfiguration.RecordedDecisions;
import io.pusherspring.auth.OverHttpAuthorizers.AuthorizerThreads;
import io.pusherspring.auth.PusherAuthorizationEvent.Kind;
import io.pusherspring.auth.PusherAuthorizationEvent.Outcome;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same scenarios on both web stacks, over real HTTP behind Spring Security with CSRF
 * protection on: the same statuses, bodies, headers, decisions and observations. On
 * WebFlux, BlockHound watches the event loops, and no test may leave a blocking call
 * behind.
 */
class AuthOnBothStacksTests {

	static final String MASTER_KEY = PusherAuthEndpointTests.MASTER_KEY;

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final JsonMapper json = JsonMapper.shared();

	private static final RunningStacks apps = new RunningStacks("pusher.encryption-master-key=" + MASTER_KEY,
			"spring.application.name=auth-on-both-stacks");

	@AfterAll
	static void stop() {
		apps.close();
	}

	@AfterEach
	void nothingBlockedAnEventLoop() {
		assertThat(NonBlockingThreads.violations()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void signsPrivateChannelsAsPusherDocumentsIt(WebStack stack) throws Exception {
		HttpResponse<byte[]> response = http(stack).post("/pusher/auth", FORM,
				"socket_id=1234.1234&channel_name=private-open-foobar");
		JsonNode answer = ok(response);
		assertThat(answer.properties()).hasSize(1);
		assertThat(answer.get("auth").stringValue())
			.isEqualTo(AuthTestConfiguration.KEY + ":" + PusherAuthEndpointTests.hmac("1234.1234:private-open-foobar"));
		assertThat(decisions(stack).last()).satisfies((event) -> {
			assertThat(event.kind()).isEqualTo(Kind.CHANNEL_AUTHORIZATION);
			assertThat(event.outcome()).isEqualTo(Outcome.GRANTED);
			assertThat(event.pattern()).isEqualTo("private-open-{name}");
			assertThat(event.user()).isEqualTo("ada");
			assertThat(event.socketId()).isEqualTo("1234.1234");
			assertThat(event.reason()).isEqualTo("granted by bean 'openChannels'");
		});
		TestObservationRegistry registry = apps.bean(stack, TestObservationRegistry.class);
		await().untilAsserted(
				() -> assertThat(registry).hasAnObservation((observation) -> observation.hasNameEqualTo("pusher.auth")
					.hasLowCardinalityKeyValue("kind", "channel_authorization")
					.hasLowCardinalityKeyValue("outcome", "granted")
					.hasLowCardinalityKeyValue("pattern", "private-open-{name}")
					.hasHighCardinalityKeyValue("channel", "private-open-foobar")));
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void deniesWhatTheAuthorizerDeniesAndWhatNoAuthorizerMatches(WebStack stack) throws Exception {
		JsonNode denied = refused(http(stack).post("/pusher/auth", FORM, "socket_id=1.2&channel_name=private-user-bob"),
				403);
		assertThat(denied.get("error").stringValue()).isEqualTo("Not authorized to subscribe to 'private-user-bob'");
		assertThat(decisions(stack).last().reason()).isEqualTo("condition of 'private-user-{userId}' not met");
		refused(http(stack).post("/pusher/auth", FORM, "socket_id=1.2&channel_name=private-nomatch-1"), 403);
		assertThat(decisions(stack).last().pattern()).isNull();
		assertThat(decisions(stack).last().reason()).isEqualTo("no authorizer matches the channel");
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void signsPresenceChannelsOverTheChannelDataSent(WebStack stack) throws Exception {
		JsonNode answer = ok(
				http(stack).post("/pusher/auth", FORM, "socket_id=1234.5678&channel_name=presence-room-7"));
		String channelData = answer.get("channel_data").stringValue();
		assertThat(channelData).isEqualTo("{\"user_id\":\"ada\"}");
		assertThat(answer.get("auth").stringValue()).isEqualTo(AuthTestConfiguration.KEY + ":"
				+ PusherAuthEndpointTests.hmac("1234.5678:presence-room-7:" + channelData));
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void givesEncryptedChannelsTheirSharedSecret(WebStack stack) throws Exception {
		JsonNode answer = ok(http(stack).post("/pusher/auth", "application/json",
				"{\"socket_id\": \"1.2\", \"channel_name\": \"private-encrypted-notes\"}"));
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		sha256.update("private-encrypted-notes".getBytes(StandardCharsets.UTF_8));
		sha256.update(Base64.getDecoder().decode(MASTER_KEY));
		assertThat(answer.get("shared_secret").stringValue())
			.isEqualTo(Base64.getEncoder().encodeToString(sha256.digest()));
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void signsTheAuthenticatedUserIn(WebStack stack) throws Exception {
		JsonNode answer = ok(http(stack).post("/pusher/user-auth", FORM, "socket_id=1234.1234"));
		assertThat(answer.get("user_data").stringValue()).isEqualTo("{\"id\":\"ada\"}");
		assertThat(answer.get("auth").stringValue()).isEqualTo(
				AuthTestConfiguration.KEY + ":" + PusherAuthEndpointTests.hmac("1234.1234::user::{\"id\":\"ada\"}"));
		assertThat(decisions(stack).last().kind()).isEqualTo(Kind.USER_AUTHENTICATION);
		assertThat(decisions(stack).last().reason()).isEqualTo("signed in as ada");
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void letsAnonymousCallersReachAuthorizersThatAllowThem(WebStack stack) throws Exception {
		ok(anonymous(stack, "/pusher/auth", "socket_id=1.2&channel_name=private-open-a"));
		assertThat(decisions(stack).last().user()).isNull();
		refused(anonymous(stack, "/pusher/auth", "socket_id=1.2&channel_name=presence-room-1"), 403);
		assertThat(decisions(stack).last().reason())
			.isEqualTo("presence channels need a member, and the caller is anonymous");
		refused(anonymous(stack, "/pusher/user-auth", "socket_id=1.2"), 403);
		assertThat(decisions(stack).last().reason()).isEqualTo("user resolver returned no user");
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void leavesCsrfToSpringSecurity(WebStack stack) throws Exception {
		String body = "socket_id=1.2&channel_name=private-open-a";
		for (boolean signedIn : new boolean[] { true, false }) {
			assertThat(send(stack, body, signedIn).statusCode()).isEqualTo(403);
			assertThat(send(stack, body + "&_csrf=wrong", signedIn).statusCode()).isEqualTo(403);
			assertThat(send(stack, body + "&_csrf=" + AuthHttp.CSRF_TOKEN, signedIn).statusCode()).isEqualTo(200);
		}
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void callsPusherChannelMethodsThatReturnAMonoWithTheCaller(WebStack stack) throws Exception {
		ok(http(stack).post("/pusher/auth", FORM, "socket_id=1.2&channel_name=private-mono-ada"));
		refused(http(stack).post("/pusher/auth", FORM, "socket_id=1.2&channel_name=private-mono-bob"), 403);
		assertThat(decisions(stack).last().reason()).isEqualTo("method returned false");
		JsonNode member = ok(http(stack).post("/pusher/auth", FORM, "socket_id=1.2&channel_name=presence-mono-r1"));
		assertThat(member.get("channel_data").stringValue())
			.isEqualTo("{\"user_id\":\"ada\",\"user_info\":{\"room\":\"r1\"}}");
		refused(anonymous(stack, "/pusher/auth", "socket_id=1.2&channel_name=presence-mono-r1"), 403);
		assertThat(decisions(stack).last().reason()).isEqualTo("method's Mono was empty");
		ok(http(stack).post("/pusher/auth", FORM, "socket_id=1.2&channel_name=private-context-ada"));
		refused(anonymous(stack, "/pusher/auth", "socket_id=1.2&channel_name=private-context-ada"), 403);
		assertThat(decisions(stack).last().reason()).isEqualTo("no reactive security context");
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void callsAuthorizersThatBlockOffTheEventLoop(WebStack stack) throws Exception {
		List<String> threads = apps.bean(stack, AuthorizerThreads.class).names();
		int before = threads.size();
		for (int i = 0; i < 20; i++) {
			ok(http(stack).post("/pusher/auth", FORM, "socket_id=1.2&channel_name=private-slow-ada"));
		}
		refused(http(stack).post("/pusher/auth", FORM, "socket_id=1.2&channel_name=private-slow-bob"), 403);
		assertThat(threads.subList(before, threads.size())).hasSize(21)
			.allSatisfy((thread) -> assertThat(thread).doesNotStartWith("reactor-http")
				.startsWith((stack == WebStack.WEBFLUX) ? "boundedElastic-" : "http-nio-"));
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void callsAuthorizersDeclaredNonBlockingOnTheEventLoop(WebStack stack) throws Exception {
		List<String> threads = apps.bean(stack, AuthorizerThreads.class).names();
		int before = threads.size();
		// anonymous: a signed-in request goes on where Spring Security checked its
		// password, off the event loop
		for (int i = 0; i < 20; i++) {
			ok(anonymous(stack, "/pusher/auth", "socket_id=1.2&channel_name=private-quick-" + i));
		}
		refused(anonymous(stack, "/pusher/auth", "socket_id=1.2&channel_name=private-quick-denied"), 403);
		assertThat(decisions(stack).last().reason()).isEqualTo("condition of 'private-quick-{name}' not met");
		// on WebFlux: a non-blocking thread (a Netty event loop or Reactor's parallel
		// scheduler), never the scheduler of blocking work
		List<String> expected = (stack == WebStack.WEBFLUX) ? List.of("reactor-http-", "parallel-")
				: List.of("http-nio-");
		assertThat(threads.subList(before, threads.size())).hasSize(21)
			.allSatisfy((thread) -> assertThat(expected).anySatisfy((prefix) -> assertThat(thread).startsWith(prefix)));
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void blockHoundStopsAMonoThatBlocksTheEventLoop(WebStack stack) throws Exception {
		// anonymous: Spring Security checks a password off the event loop, and the
		// request goes on there
		HttpResponse<byte[]> response = anonymous(stack, "/pusher/auth",
				"socket_id=1.2&channel_name=private-blocking-mono-a");
		if (stack == WebStack.MVC) {
			ok(response);
			assertThat(NonBlockingThreads.violations()).isEmpty();
		}
		else {
			refused(response, 403);
			assertThat(decisions(stack).last().reason())
				.isEqualTo("authorizer failed: reactor.blockhound.BlockingOperationError");
			assertThat(NonBlockingThreads.violations()).singleElement()
				.asString()
				.startsWith("jdk.internal.misc.Unsafe#park on ");
		}
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void answersOnlyPost(WebStack stack) throws Exception {
		HttpResponse<byte[]> response = http(stack).send("GET", "/pusher/auth", null, new byte[0], true, true, false);
		refused(response, 405);
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
	}

	private static AuthHttp http(WebStack stack) {
		return apps.http(stack);
	}

	private static RecordedDecisions decisions(WebStack stack) {
		return apps.bean(stack, RecordedDecisions.class);
	}

	private static HttpResponse<byte[]> anonymous(WebStack stack, String path, String body) throws Exception {
		return http(stack).send("POST", path, FORM, body.getBytes(StandardCharsets.US_ASCII), false, true, false);
	}

	private static HttpResponse<byte[]> send(WebStack stack, String body, boolean signedIn) throws Exception {
		return http(stack).send("POST", "/pusher/auth", FORM, body.getBytes(StandardCharsets.US_ASCII), signedIn, false,
				false);
	}

	static JsonNode ok(HttpResponse<byte[]> response) {
		assertThat(response.statusCode()).as(AuthHttp.text(response)).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		return json.readTree(response.body());
	}

	static JsonNode refused(HttpResponse<byte[]> response, int status) {
		assertThat(response.statusCode()).as(AuthHttp.text(response)).isEqualTo(status);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		JsonNode answer = json.readTree(response.body());
		assertThat(answer.properties()).hasSize(1);
		assertThat(answer.get("error").isString()).isTrue();
		return answer;
	}

}
