package io.pusherspring.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Base64;

import com.pusher.rest.SignatureUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.auth.AuthTestConfiguration.RecordedDecisions;
import io.pusherspring.auth.PusherAuthorizationEvent.Kind;
import io.pusherspring.auth.PusherAuthorizationEvent.Outcome;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Tests of the auth endpoints over MockMvc, with the auto-configuration, without Spring
 * Security (the caller is the servlet request's principal).
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class PusherAuthEndpointTests {

	static final String KEY = AuthTestConfiguration.KEY;

	static final String SECRET = AuthTestConfiguration.SECRET;

	static final String MASTER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	static final Principal USER_42 = () -> "42";

	private static final JsonMapper json = JsonMapper.shared();

	private final WebApplicationContextRunner runner = AuthTestConfiguration.webApplication();

	@Test
	void signsPrivateChannelsAsPusherDocumentsIt() {
		run((mvc, decisions) -> {
			JsonNode answer = ok(mvc, channelAuth("1234.1234", "private-foobar").principal(USER_42));
			assertThat(answer.properties()).hasSize(1);
			assertThat(answer.get("auth").stringValue())
				.isEqualTo(KEY + ":58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4");
		});
	}

	@Test
	void signsPresenceChannelsOverTheChannelDataSentByteForByte() {
		run((mvc, decisions) -> {
			MockHttpServletResponse response = perform(mvc,
					channelAuth("1234.5678", "presence-session-7").principal(USER_42));
			assertThat(response.getStatus()).isEqualTo(200);
			JsonNode answer = json.readTree(response.getContentAsByteArray());
			String channelData = answer.get("channel_data").stringValue();
			assertThat(answer.get("auth").stringValue())
				.isEqualTo(KEY + ":" + hmac("1234.5678:presence-session-7:" + channelData));
			JsonNode member = json.readTree(channelData);
			assertThat(member.get("user_id").stringValue()).isEqualTo("42");
			assertThat(member.get("user_info").get("name").stringValue()).isEqualTo("Zoë \"Zed\" Ünal");
			assertThat(member.get("user_info").get("role").stringValue()).isEqualTo("student");
			assertThat(member.get("user_info").get("avatar").stringValue()).isEqualTo("/a/42.png");
		});
	}

	@Test
	void makesTheCallerTheMemberWhenAPresenceChannelIsGrantedWithoutOne() {
		run((mvc, decisions) -> {
			JsonNode answer = ok(mvc, channelAuth("1.2", "presence-lobby").principal(USER_42));
			assertThat(answer.get("channel_data").stringValue()).isEqualTo("{\"user_id\":\"42\"}");
		});
	}

	@Test
	void acceptsJsonBodies() {
		run((mvc, decisions) -> {
			JsonNode answer = ok(mvc,
					post("/pusher/auth").principal(USER_42)
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"socket_id\": \"1234.1234\", \"channel_name\": \"private-foobar\"}"));
			assertThat(answer.get("auth").stringValue())
				.endsWith(":58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4");
		});
	}

	@Test
	void givesEncryptedChannelsTheirSharedSecret() {
		this.runner.withPropertyValues("pusher.encryption-master-key=" + MASTER_KEY).run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			JsonNode answer = ok(mvc, channelAuth("1.2", "private-encrypted-notes").principal(USER_42));
			assertThat(answer.get("auth").stringValue()).isEqualTo(KEY + ":" + hmac("1.2:private-encrypted-notes"));
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update("private-encrypted-notes".getBytes(StandardCharsets.UTF_8));
			sha256.update(Base64.getDecoder().decode(MASTER_KEY));
			assertThat(answer.get("shared_secret").stringValue())
				.isEqualTo(Base64.getEncoder().encodeToString(sha256.digest()));
		});
	}

	@Test
	void deniesEncryptedChannelsWithoutMasterKeyAndSaysSoAtStartUp(CapturedOutput output) {
		run((mvc, decisions) -> {
			refused(mvc, channelAuth("1.2", "private-encrypted-notes").principal(USER_42), 403);
			assertThat(decisions.last().reason()).contains("pusher.encryption-master-key is not set");
			assertThat(output).containsOnlyOnce("pusher.encryption-master-key is not set, so subscriptions to "
					+ "private-encrypted- channels are denied (403), although bean 'encryptedChannels' (pattern "
					+ "'private-encrypted-{name}') could grant them");
		});
	}

	@Test
	void deniesChannelsNoAuthorizerMatches() {
		run((mvc, decisions) -> {
			JsonNode answer = refused(mvc, channelAuth("1.2", "private-agent-7").principal(USER_42), 403);
			assertThat(answer.get("error").stringValue()).isEqualTo("Not authorized to subscribe to 'private-agent-7'");
			assertThat(decisions.last()).satisfies((event) -> {
				assertThat(event.outcome()).isEqualTo(Outcome.DENIED);
				assertThat(event.kind()).isEqualTo(Kind.CHANNEL_AUTHORIZATION);
				assertThat(event.channel()).isEqualTo("private-agent-7");
				assertThat(event.pattern()).isNull();
				assertThat(event.user()).isEqualTo("42");
				assertThat(event.reason()).isEqualTo("no authorizer matches the channel");
			});
		});
	}

	@Test
	void deniesWhatTheAuthorizerDenies() {
		run((mvc, decisions) -> {
			refused(mvc, channelAuth("1.2", "private-user-43").principal(USER_42), 403);
			assertThat(decisions.last().pattern()).isEqualTo("private-user-{userId}");
			assertThat(decisions.last().reason()).isEqualTo("condition of 'private-user-{userId}' not met");
			ok(mvc, channelAuth("1.2", "private-user-42").principal(USER_42));
			assertThat(decisions.last().isGranted()).isTrue();
			assertThat(decisions.last().reason()).isEqualTo("granted by bean 'userChannels'");
		});
	}

	@Test
	void deniesAnonymousCallers() {
		run((mvc, decisions) -> {
			refused(mvc, channelAuth("1.2", "private-foobar"), 403);
			assertThat(decisions.last().reason()).isEqualTo("caller is not authenticated");
			assertThat(decisions.last().user()).isNull();
			refused(mvc, userAuth("1.2"), 403);
		});
	}

	@Test
	void letsAnonymousCallersReachAuthorizersWhenAllowed() {
		this.runner.withPropertyValues("pusher.auth.allow-anonymous=true").run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			ok(mvc, channelAuth("1234.1234", "private-foobar"));
			refused(mvc, channelAuth("1.2", "private-user-42"), 403);
			refused(mvc, channelAuth("1.2", "presence-lobby"), 403);
			assertThat(context.getBean(RecordedDecisions.class).last().reason())
				.isEqualTo("presence channels need a member, and the caller is anonymous");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1234", "1234.", ".1234", "abc.def", "1.2.3", "1.2;3", "1.2\n", "-1.2", " 1.2" })
	void rejectsMalformedSocketIds(String socketId) {
		run((mvc, decisions) -> {
			JsonNode answer = refused(mvc, channelAuth(socketId, "private-foobar").principal(USER_42), 400);
			assertThat(answer.get("error").stringValue()).containsIgnoringCase("socket id");
			refused(mvc, userAuth(socketId).principal(USER_42), 400);
			assertThat(decisions.events()).isEmpty();
		});
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "private-a b", "#server-to-user-42", "private-ünïcode", "private-a/b", "presence-class-7?" })
	void rejectsInvalidChannelNames(String channel) {
		run((mvc, decisions) -> {
			JsonNode answer = refused(mvc, channelAuth("1.2", channel).principal(USER_42), 400);
			assertThat(answer.get("error").stringValue()).contains("Channel name");
		});
	}

	@Test
	void rejectsOverlongChannelNames() {
		run((mvc, decisions) -> refused(mvc, channelAuth("1.2", "private-" + "a".repeat(157)).principal(USER_42), 400));
	}

	@Test
	void rejectsPublicChannelsWhichNeedNoAuthorization() {
		run((mvc, decisions) -> {
			JsonNode answer = refused(mvc, channelAuth("1.2", "class-7").principal(USER_42), 400);
			assertThat(answer.get("error").stringValue()).contains("is public and needs no authorization");
		});
	}

	@Test
	void rejectsMissingFields() {
		run((mvc, decisions) -> {
			refused(mvc, post("/pusher/auth").principal(USER_42).formField("channel_name", "private-foobar"), 400);
			refused(mvc, post("/pusher/auth").principal(USER_42).formField("socket_id", "1.2"), 400);
			refused(mvc, post("/pusher/user-auth").principal(USER_42), 400);
		});
	}

	@Test
	void rejectsMalformedJson() {
		run((mvc, decisions) -> {
			refused(mvc, jsonAuth("{\"socket_id\": "), 400);
			refused(mvc, jsonAuth("[\"1.2\"]"), 400);
			JsonNode answer = refused(mvc, jsonAuth("{\"socket_id\": 1.2, \"channel_name\": \"private-foobar\"}"), 400);
			assertThat(answer.get("error").stringValue()).isEqualTo("'socket_id' must be a string");
		});
	}

	@Test
	void rejectsOversizedBodies() {
		run((mvc, decisions) -> refused(mvc,
				jsonAuth("{\"socket_id\": \"1.2\", \"channel_name\": \"" + "a".repeat(9000) + "\"}"), 413));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "socket_id=1.2&channel_name=private-user-u1%2", "socket_id=%ZZ&channel_name=private-foobar",
					"socket_id=1.2&channel_name=private-foobar%C0%AF", "socket_id=1.2&channel_name=private-foobar&=x",
					"socket_id=1.2%", "socket_id=1.2&channel_name=private-foobar&socket_id=3.4" })
	void refusesFormBodiesThatCannotBeDecodedOnBothEndpoints(String body) {
		run((mvc, decisions) -> {
			for (String path : new String[] { "/pusher/auth", "/pusher/user-auth" }) {
				JsonNode answer = refused(mvc,
						post(path).principal(USER_42).with(rawBody(MediaType.APPLICATION_FORM_URLENCODED_VALUE, body)),
						400);
				assertThat(answer.get("error").stringValue()).startsWith("Malformed form body: ");
			}
			assertThat(decisions.events()).isEmpty();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "multipart/form-data; boundary=b", "multipart/form-data", "text/plain" })
	void refusesOtherContentTypesWith415OnBothEndpoints(String contentType) {
		run((mvc, decisions) -> {
			String multipart = "--b\r\nContent-Disposition: form-data; name=\"socket_id\"\r\n\r\n1.2\r\n--b--\r\n";
			for (String path : new String[] { "/pusher/auth", "/pusher/user-auth" }) {
				JsonNode answer = refused(mvc, post(path).principal(USER_42).with(rawBody(contentType, multipart)),
						415);
				assertThat(answer.get("error").stringValue())
					.isEqualTo("Unsupported Content-Type: send application/x-www-form-urlencoded or application/json");
			}
		});
	}

	@Test
	void logsARefusalAsOneWarnLineWithoutTheRequest(CapturedOutput output) {
		run((mvc, decisions) -> {
			refused(mvc,
					post("/pusher/auth").principal(USER_42)
						.with(rawBody(MediaType.APPLICATION_FORM_URLENCODED_VALUE,
								"socket_id=1.2&channel_name=%0Aqz7canary%ZZ")),
					400);
			assertThat(output)
				.containsOnlyOnce("Refused a Pusher channel authorization request from 127.0.0.1 "
						+ "with 400: Malformed form body: invalid percent-encoding")
				.doesNotContain("qz7canary", "Exception");
		});
	}

	@Test
	void answersOnlyPost() {
		run((mvc, decisions) -> {
			MockHttpServletResponse response = perform(mvc, get("/pusher/auth").principal(USER_42));
			assertThat(response.getStatus()).isEqualTo(405);
			assertThat(response.getHeader("Allow")).isEqualTo("POST");
		});
	}

	@Test
	void deniesWhenAnAuthorizerThrowsAndLogsTheException(CapturedOutput output) {
		run((mvc, decisions) -> {
			MockHttpServletResponse response = perform(mvc, channelAuth("1.2", "private-broken-7").principal(USER_42));
			assertThat(response.getStatus()).isEqualTo(403);
			assertThat(response.getContentAsString()).doesNotContain("database", "Exception", "at io.");
			assertThat(output)
				.contains("Channel authorizer bean 'brokenChannels' (pattern 'private-broken-{id}') "
						+ "failed for channel private-broken-7; the subscription is denied: "
						+ "java.lang.IllegalStateException: database down")
				.doesNotContain("\tat ");
			assertThat(decisions.last().reason()).isEqualTo("authorizer failed: java.lang.IllegalStateException");
		});
	}

	@Test
	void deniesPresenceMembersOverPushersLimitsNamingTheAuthorizer(CapturedOutput output) {
		run((mvc, decisions) -> {
			refused(mvc, channelAuth("1.2", "presence-huge-1").principal(USER_42), 403);
			assertThat(output).contains("Channel authorizer bean 'hugeMembers' (pattern 'presence-huge-{id}') "
					+ "returned a presence member for channel presence-huge-1 that Pusher would refuse (user_info is");
			refused(mvc, channelAuth("1.2", "presence-long-1").principal(USER_42), 403);
			assertThat(output).contains("bean 'longIdMembers'").contains("user id is 129 characters long");
			assertThat(decisions.last().reason()).startsWith("presence member breaks Pusher's limits");
		});
	}

	@Test
	void callsPusherChannelMethodsWithConvertedVariables() {
		run((mvc, decisions) -> {
			ok(mvc, channelAuth("1.2", "private-class-" + AuthTestConfiguration.MATHS).principal(USER_42));
			assertThat(decisions.last().reason()).startsWith("granted by method ")
				.contains("ClassChannels.classChannel of bean 'classChannels'");
			refused(mvc, channelAuth("1.2", "private-class-" + AuthTestConfiguration.MATHS).principal(() -> "43"), 403);
			refused(mvc, channelAuth("1.2", "private-class-maths").principal(USER_42), 403);
			assertThat(decisions.last().reason()).isEqualTo("variable 'classId' value 'maths' is not a UUID");
			JsonNode answer = ok(mvc, channelAuth("1.2", "presence-room-7").principal(USER_42));
			JsonNode userInfo = json.readTree(answer.get("channel_data").stringValue()).get("user_info");
			assertThat(userInfo.get("room").asInt()).isEqualTo(7);
			assertThat(userInfo.get("via").stringValue()).isEqualTo("servlet");
			refused(mvc, channelAuth("1.2", "presence-room-101").principal(USER_42), 403);
			refused(mvc, channelAuth("1.2", "presence-room-x").principal(USER_42), 403);
		});
	}

	@Test
	void pusherChannelMethodsReadTheRequestThroughItsViewOrAsTheServletRequest() {
		run((mvc, decisions) -> {
			ok(mvc, channelAuth("1.2", "private-tenant-acme").header("X-Tenant", "acme").principal(USER_42));
			refused(mvc, channelAuth("1.2", "private-tenant-acme").header("X-Tenant", "other").principal(USER_42), 403);
		});
	}

	@Test
	@SuppressWarnings("removal")
	void theContextsDeprecatedServletRequestStillServesSpringMvc() {
		this.runner
			.withBean("legacy", ChannelAuthorizer.class,
					() -> ChannelAuthorizer.allowIf("private-legacy-{id}",
							(context) -> "yes".equals(context.request().getHeader("X-Legacy"))))
			.run((context) -> {
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				ok(mvc, channelAuth("1.2", "private-legacy-1").header("X-Legacy", "yes").principal(USER_42));
				refused(mvc, channelAuth("1.2", "private-legacy-1").principal(USER_42), 403);
			});
	}

	@Test
	void userResolversReadTheRequestThroughItsView() {
		this.runner
			.withBean(PusherUserResolver.class,
					() -> (principal, request) -> PusherUser
						.of(principal.getName() + "-" + request.getHeader("X-Site")))
			.run((context) -> {
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				JsonNode answer = ok(mvc, userAuth("1.2").header("X-Site", "paris").principal(USER_42));
				assertThat(answer.get("user_data").stringValue()).isEqualTo("{\"id\":\"42-paris\"}");
			});
	}

	@Test
	void signsUsersInWithThePrincipalsName() {
		run((mvc, decisions) -> {
			MockHttpServletResponse response = perform(mvc, userAuth("1234.1234").principal(() -> "12345"));
			JsonNode answer = json.readTree(response.getContentAsByteArray());
			assertThat(answer.get("user_data").stringValue()).isEqualTo("{\"id\":\"12345\"}");
			assertThat(answer.get("auth").stringValue())
				.isEqualTo(KEY + ":4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba");
			assertThat(decisions.last()).satisfies((event) -> {
				assertThat(event.kind()).isEqualTo(Kind.USER_AUTHENTICATION);
				assertThat(event.isGranted()).isTrue();
				assertThat(event.channel()).isNull();
			});
		});
	}

	@Test
	void signsUsersInAsTheUserResolverSays() {
		this.runner
			.withBean(PusherUserResolver.class,
					() -> (principal, request) -> PusherUser.of("u-" + principal.getName(),
							java.util.Map.of("name", "Ada")))
			.run((context) -> {
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				JsonNode answer = ok(mvc, userAuth("1.2").principal(USER_42));
				String userData = answer.get("user_data").stringValue();
				assertThat(userData).isEqualTo("{\"id\":\"u-42\",\"user_info\":{\"name\":\"Ada\"}}");
				assertThat(answer.get("auth").stringValue()).isEqualTo(KEY + ":" + hmac("1.2::user::" + userData));
			});
	}

	@Test
	void refusesUsersPusherWouldRefuse(CapturedOutput output) {
		this.runner.withBean(PusherUserResolver.class, () -> (principal, request) -> PusherUser.of("ada lovelace"))
			.run((context) -> {
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				refused(mvc, userAuth("1.2").principal(USER_42), 403);
				assertThat(output).contains("returned a user that Pusher would refuse");
			});
	}

	@Test
	void applicationControllerOnTheSamePathTakesPrecedence() {
		this.runner.withUserConfiguration(OwnAuthController.class).run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			MockHttpServletResponse response = perform(mvc, channelAuth("1.2", "private-foobar").principal(USER_42));
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).isEqualTo("{\"auth\":\"from the application\"}");
			ok(mvc, userAuth("1.2").principal(USER_42));
		});
	}

	@Test
	void servesConfiguredPaths() {
		this.runner.withPropertyValues("pusher.auth.path=/api/realtime/auth", "pusher.auth.user-path=/api/realtime/me")
			.run((context) -> {
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				ok(mvc, channelAuth("1234.1234", "private-foobar").uri("/api/realtime/auth").principal(USER_42));
				ok(mvc, userAuth("1.2").uri("/api/realtime/me").principal(USER_42));
				assertThat(perform(mvc, channelAuth("1.2", "private-foobar").principal(USER_42)).getStatus())
					.isEqualTo(404);
			});
	}

	@Test
	void neverAnswersASignatureOrStackTraceWhenRefusing() {
		run((mvc, decisions) -> {
			for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
					channelAuth("1.2", "private-user-43").principal(USER_42),
					channelAuth("x", "private-foobar").principal(USER_42),
					channelAuth("1.2", "private-broken-1").principal(USER_42),
					channelAuth("1.2", "presence-huge-1").principal(USER_42), userAuth("1.2") }) {
				MockHttpServletResponse response = perform(mvc, request);
				assertThat(response.getStatus()).isGreaterThanOrEqualTo(400);
				assertThat(response.getContentAsString()).doesNotContain("auth\"", KEY, SECRET, "Exception")
					.doesNotContainPattern("[0-9a-f]{64}")
					.startsWith("{\"error\":");
				assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
			}
		});
	}

	private void run(EndpointTest test) {
		this.runner.run((context) -> test.run(MockMvcBuilders.webAppContextSetup(context).build(),
				context.getBean(RecordedDecisions.class)));
	}

	static MockHttpServletRequestBuilder channelAuth(String socketId, String channel) {
		return post("/pusher/auth").formField("socket_id", socketId).formField("channel_name", channel);
	}

	static MockHttpServletRequestBuilder userAuth(String socketId) {
		return post("/pusher/user-auth").formField("socket_id", socketId);
	}

	private static MockHttpServletRequestBuilder jsonAuth(String body) {
		return post("/pusher/auth").principal(USER_42).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	/**
	 * A body set on the built request, so that MockMvc does not parse it as a form first.
	 */
	private static RequestPostProcessor rawBody(String contentType, String body) {
		return (request) -> {
			request.setContentType(contentType);
			request.setContent(body.getBytes(StandardCharsets.UTF_8));
			return request;
		};
	}

	static MockHttpServletResponse perform(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	static JsonNode ok(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = perform(mvc, request);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_JSON_VALUE);
		return json.readTree(response.getContentAsByteArray());
	}

	static JsonNode refused(MockMvc mvc, MockHttpServletRequestBuilder request, int status) throws Exception {
		MockHttpServletResponse response = perform(mvc, request);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
		JsonNode answer = json.readTree(response.getContentAsByteArray());
		assertThat(answer.has("auth")).isFalse();
		assertThat(answer.get("error").isString()).isTrue();
		return answer;
	}

	/**
	 * The signature pusher-http-java computes, independently of the library's signing.
	 */
	static String hmac(String text) {
		return SignatureUtil.sign(text, SECRET);
	}

	@FunctionalInterface
	interface EndpointTest {

		void run(MockMvc mvc, RecordedDecisions decisions) throws Exception;

	}

	@org.springframework.web.bind.annotation.RestController
	static class OwnAuthController {

		@org.springframework.web.bind.annotation.PostMapping(path = "/pusher/auth",
				produces = MediaType.APPLICATION_JSON_VALUE)
		String auth() {
			return "{\"auth\":\"from the application\"}";
		}

	}

}
