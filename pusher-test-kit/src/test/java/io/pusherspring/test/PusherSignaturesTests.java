package io.pusherspring.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

import com.pusher.rest.Pusher;
import com.pusher.rest.SignatureUtil;
import com.pusher.rest.data.PresenceUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.pusherspring.autoconfigure.PusherConnectionDetails;
import io.pusherspring.core.ChannelEncryption;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link PusherSignatures}, with Pusher's published vectors and answers made by
 * pusher-http-java.
 */
class PusherSignaturesTests {

	private static final String KEY = "278d425bdf160c739803";

	private static final String SECRET = "7ad3773142a6692b25b8";

	private static final String PRIVATE_VECTOR = "58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4";

	private static final String USER_VECTOR = "4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba";

	private static final String MASTER_KEY = Base64.getEncoder()
		.encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	private static final JsonMapper json = JsonMapper.shared();

	private final PusherSignatures signatures = PusherSignatures.of(KEY, SECRET);

	private final Pusher pusher = new Pusher("3", KEY, SECRET, MASTER_KEY);

	@AfterEach
	void closePusher() throws Exception {
		this.pusher.close();
	}

	@Test
	void acceptsThePublishedPrivateChannelVector() {
		assertThat(this.signatures.isValidPrivateAuth("1234.1234", "private-foobar", KEY + ":" + PRIVATE_VECTOR))
			.isTrue();
	}

	@Test
	void rejectsATamperedPrivateChannelAuth() {
		assertThat(
				this.signatures.isValidPrivateAuth("1234.1234", "private-foobar", KEY + ":" + tamper(PRIVATE_VECTOR)))
			.isFalse();
		assertThat(this.signatures.isValidPrivateAuth("1234.1235", "private-foobar", KEY + ":" + PRIVATE_VECTOR))
			.isFalse();
		assertThat(this.signatures.isValidPrivateAuth("1234.1234", "private-foobaz", KEY + ":" + PRIVATE_VECTOR))
			.isFalse();
		assertThat(this.signatures.isValidPrivateAuth("1234.1234", "private-foobar", "other:" + PRIVATE_VECTOR))
			.isFalse();
		assertThat(this.signatures.isValidPrivateAuth("1234.1234", "private-foobar", PRIVATE_VECTOR)).isFalse();
		assertThat(this.signatures.isValidPrivateAuth("1234.1234", "private-foobar", null)).isFalse();
	}

	@Test
	void acceptsThePublishedUserAuthenticationVector() {
		assertThat(this.signatures.isValidUserAuth("1234.1234", "{\"id\":\"12345\"}", KEY + ":" + USER_VECTOR))
			.isTrue();
	}

	@Test
	void rejectsTamperedUserData() {
		assertThat(this.signatures.isValidUserAuth("1234.1234", "{\"id\":\"12346\"}", KEY + ":" + USER_VECTOR))
			.isFalse();
		assertThat(this.signatures.isValidUserAuth("1234.1234", "{\"id\":\"12345\"}", KEY + ":" + tamper(USER_VECTOR)))
			.isFalse();
	}

	@Test
	void verifiesAPrivateChannelAnswer() {
		String answer = this.pusher.authenticate("1234.1234", "private-foobar");
		this.signatures.verifyChannelAuthorization("1234.1234", "private-foobar", answer);
	}

	@Test
	void rejectsATamperedPrivateChannelAnswerWithoutShowingTheSignatureOrSecret() {
		String answer = "{\"auth\":\"" + KEY + ":" + tamper(PRIVATE_VECTOR) + "\"}";
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.signatures.verifyChannelAuthorization("1234.1234", "private-foobar", answer))
			.withMessage("Channel authorization of socket 1234.1234 for private-foobar: "
					+ "the signature does not verify with the secret of key '" + KEY + "'")
			.withMessageNotContaining(tamper(PRIVATE_VECTOR))
			.withMessageNotContaining(SECRET);
	}

	@Test
	void rejectsAnAnswerForAnotherKey() {
		String answer = "{\"auth\":\"other-key:" + PRIVATE_VECTOR + "\"}";
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.signatures.verifyChannelAuthorization("1234.1234", "private-foobar", answer))
			.withMessageEndingWith("auth names key 'other-key', not '" + KEY + "'");
	}

	@Test
	void rejectsAnAnswerWithoutAuth() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.signatures.verifyChannelAuthorization("1234.1234", "private-foobar", "{}"))
			.withMessageEndingWith("the answer has no string 'auth'");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.signatures.verifyChannelAuthorization("1234.1234", "private-foobar", "denied"))
			.withMessageEndingWith("the answer is not a JSON object");
	}

	@Test
	void rejectsAuthorizationOfAPublicChannel() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.signatures.verifyChannelAuthorization("1234.1234", "news", "{}"))
			.withMessageEndingWith("public channels need no authorization");
	}

	@Test
	void verifiesAPresenceChannelAnswer() {
		String answer = this.pusher.authenticate("1234.1234", "presence-class-7",
				new PresenceUser("42", Map.of("name", "Ada")));
		this.signatures.verifyChannelAuthorization("1234.1234", "presence-class-7", answer);
		String channelData = json.readTree(answer).get("channel_data").stringValue();
		String auth = json.readTree(answer).get("auth").stringValue();
		assertThat(this.signatures.isValidPresenceAuth("1234.1234", "presence-class-7", channelData, auth)).isTrue();
	}

	@Test
	void rejectsAPresenceAnswerWithTamperedChannelData() {
		ObjectNode answer = (ObjectNode) json.readTree(this.pusher.authenticate("1234.1234", "presence-class-7",
				new PresenceUser("42", Map.of("name", "Ada"))));
		answer.put("channel_data", "{\"user_id\":\"1\",\"user_info\":{\"name\":\"Ada\"}}");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(
				() -> this.signatures.verifyChannelAuthorization("1234.1234", "presence-class-7", answer.toString()))
			.withMessageContaining("with channel_data {\"user_id\":\"1\"")
			.withMessageEndingWith("the signature does not verify with the secret of key '" + KEY + "'");
	}

	@Test
	void rejectsAPresenceAnswerWithoutAUserId() {
		String channelData = "{\"user_info\":{}}";
		String answer = json.writeValueAsString(
				Map.of("auth", KEY + ":" + SignatureUtil.sign("1234.1234:presence-class-7:" + channelData, SECRET),
						"channel_data", channelData));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.signatures.verifyChannelAuthorization("1234.1234", "presence-class-7", answer))
			.withMessageEndingWith("channel_data must be a JSON object with a non-empty string 'user_id'");
	}

	@Test
	void verifiesTheSharedSecretOfAnEncryptedChannel() throws Exception {
		String channel = "private-encrypted-lesson-9";
		String sharedSecret = new ChannelEncryption(MASTER_KEY).sharedSecret(channel);
		PusherSignatures withMasterKey = this.signatures.withEncryptionMasterKey(MASTER_KEY);
		assertThat(withMasterKey.isValidSharedSecret(channel, sharedSecret)).isTrue();
		assertThat(withMasterKey.isValidSharedSecret(channel, independentSharedSecret(channel))).isTrue();
		assertThat(withMasterKey.isValidSharedSecret(channel, "not base64!")).isFalse();
		assertThat(withMasterKey.isValidSharedSecret("private-encrypted-lesson-8", sharedSecret)).isFalse();
		assertThat(withMasterKey.isValidSharedSecret(channel, tamper(sharedSecret))).isFalse();
		String answer = json.writeValueAsString(Map.of("auth",
				KEY + ":" + SignatureUtil.sign("1234.1234:" + channel, SECRET), "shared_secret", sharedSecret));
		withMasterKey.verifyChannelAuthorization("1234.1234", channel, answer);
		String tampered = json.writeValueAsString(Map.of("auth",
				KEY + ":" + SignatureUtil.sign("1234.1234:" + channel, SECRET), "shared_secret", tamper(sharedSecret)));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> withMasterKey.verifyChannelAuthorization("1234.1234", channel, tampered))
			.withMessageContaining("the shared_secret is not the one derived")
			.withMessageNotContaining(sharedSecret);
	}

	@Test
	void needsAMasterKeyToVerifyASharedSecret() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.signatures.isValidSharedSecret("private-encrypted-a", "x"));
	}

	@Test
	void verifiesAUserAuthenticationAnswer() {
		String answer = "{\"auth\":\"" + KEY + ":" + USER_VECTOR + "\",\"user_data\":\"{\\\"id\\\":\\\"12345\\\"}\"}";
		this.signatures.verifyUserAuthentication("1234.1234", answer);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.signatures.verifyUserAuthentication("1234.1235", answer))
			.withMessageStartingWith("User authentication of socket 1234.1235 with user_data {\"id\":\"12345\"}: ")
			.withMessageNotContaining(USER_VECTOR);
	}

	@Test
	void rejectsUserDataWithoutAnId() {
		String userData = "{\"name\":\"Ada\"}";
		String answer = json.writeValueAsString(Map.of("auth",
				KEY + ":" + SignatureUtil.sign("1234.1234::user::" + userData, SECRET), "user_data", userData));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.signatures.verifyUserAuthentication("1234.1234", answer))
			.withMessageEndingWith("user_data must be a JSON object with a non-empty string 'id'");
	}

	@Test
	void verifiesAnswersOfAnAuthEndpointThroughMockMvc() throws Exception {
		MockMvc mockMvc = MockMvcBuilders.standaloneSetup(new AuthController(this.pusher, false)).build();
		mockMvc.perform(PusherRequests.channelAuth("1234.1234", "private-foobar"))
			.andExpect(this.signatures.validChannelAuthorization());
		mockMvc.perform(PusherRequests.channelAuth("1234.1234", "presence-class-7"))
			.andExpect(this.signatures.validChannelAuthorization());
		mockMvc.perform(PusherRequests.userAuth("1234.1234")).andExpect(this.signatures.validUserAuthentication());
	}

	@Test
	void rejectsTamperedAnswersOfAnAuthEndpointThroughMockMvc() throws Exception {
		MockMvc mockMvc = MockMvcBuilders.standaloneSetup(new AuthController(this.pusher, true)).build();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> mockMvc.perform(PusherRequests.channelAuth("1234.1234", "private-foobar"))
				.andExpect(this.signatures.validChannelAuthorization()))
			.withMessageContaining("socket 1234.1234 for private-foobar");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> mockMvc.perform(PusherRequests.userAuth("1234.1234"))
				.andExpect(this.signatures.validUserAuthentication()))
			.withMessageStartingWith("User authentication of socket 1234.1234");
	}

	@Test
	void rejectsADeniedAnswerThroughMockMvc() {
		MockMvc mockMvc = MockMvcBuilders.standaloneSetup(new AuthController(this.pusher, false)).build();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> mockMvc.perform(PusherRequests.channelAuth("1234.1234", "private-secret-room"))
				.andExpect(this.signatures.validChannelAuthorization()))
			.withMessage("Expected a successful auth answer, but the status was 403");
	}

	@Test
	void describesItselfWithoutTheSecret() {
		assertThat(this.signatures.toString()).contains(KEY).doesNotContain(SECRET);
	}

	@Test
	void verifiesWithTheTestCredentialsByDefault() {
		String auth = "test-key:" + SignatureUtil.sign("1.2:private-a", "test-secret");
		assertThat(PusherSignatures.forTestCredentials().isValidPrivateAuth("1.2", "private-a", auth)).isTrue();
		assertThat(PusherSignatures.of(ConnectionDetailsFixture.of("test-key", "other"))
			.isValidPrivateAuth("1.2", "private-a", auth)).isFalse();
	}

	@Test
	void verifiesWithTheCredentialsOfAnApplicationContext() {
		String auth = KEY + ":" + SignatureUtil.sign("1.2:private-a", SECRET);
		try (StaticApplicationContext context = new StaticApplicationContext()) {
			context.registerBean(PusherConnectionDetails.class, () -> ConnectionDetailsFixture.of(KEY, SECRET));
			assertThat(PusherSignatures.of(context).isValidPrivateAuth("1.2", "private-a", auth)).isTrue();
			assertThat(PusherSignatures.forTestCredentials().isValidPrivateAuth("1.2", "private-a", auth)).isFalse();
		}
	}

	private static String independentSharedSecret(String channel) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		digest.update(channel.getBytes(StandardCharsets.UTF_8));
		digest.update(Base64.getDecoder().decode(MASTER_KEY));
		return Base64.getEncoder().encodeToString(digest.digest());
	}

	private static String tamper(String value) {
		char last = value.charAt(value.length() - 1);
		return value.substring(0, value.length() - 1) + ((last == 'a') ? 'b' : 'a');
	}

	@RestController
	static class AuthController {

		private final Pusher pusher;

		private final boolean tamper;

		AuthController(Pusher pusher, boolean tamper) {
			this.pusher = pusher;
			this.tamper = tamper;
		}

		@PostMapping(path = "/pusher/auth", produces = MediaType.APPLICATION_JSON_VALUE)
		ResponseEntity<String> channelAuth(@RequestParam("socket_id") String socketId,
				@RequestParam("channel_name") String channel) {
			if (channel.contains("secret")) {
				return ResponseEntity.status(403).build();
			}
			String answer = channel.startsWith("presence-")
					? this.pusher.authenticate(socketId, channel, new PresenceUser("42"))
					: this.pusher.authenticate(socketId, channel);
			return ResponseEntity
				.ok(this.tamper ? answer.replace("\"auth\":\"" + KEY + ":", "\"auth\":\"" + KEY + ":0") : answer);
		}

		@PostMapping(path = "/pusher/user-auth", produces = MediaType.APPLICATION_JSON_VALUE)
		ResponseEntity<String> userAuth(@RequestParam("socket_id") String socketId) {
			String userData = this.tamper ? "{\"id\":\"12346\"}" : "{\"id\":\"12345\"}";
			String signature = SignatureUtil.sign(socketId + "::user::{\"id\":\"12345\"}", SECRET);
			return ResponseEntity
				.ok(json.writeValueAsString(Map.of("auth", KEY + ":" + signature, "user_data", userData)));
		}

	}

}
