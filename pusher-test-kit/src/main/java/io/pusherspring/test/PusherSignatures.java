package io.pusherspring.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.pusherspring.autoconfigure.PusherConnectionDetails;
import io.pusherspring.core.ChannelEncryption;
import io.pusherspring.core.ChannelNames;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.test.assertion.JsonComparison;
import io.pusherspring.test.context.PusherTestCredentials;
import io.pusherspring.test.simulator.AuthSignatures;
import io.pusherspring.test.simulator.PusherCrypto;

import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.util.Assert;

/**
 * Verifies channel authorization and user authentication answers cryptographically, as
 * Pusher does when a client presents them. Messages never include a secret or a
 * signature.
 *
 * <pre class="code">
 * mockMvc.perform(PusherRequests.channelAuth("1234.5678", "private-user-42").with(user("42")))
 *     .andExpect(PusherSignatures.forTestCredentials().validChannelAuthorization());
 * </pre>
 */
public final class PusherSignatures {

	private final String key;

	private final String secret;

	private final AuthSignatures signatures;

	private final byte @Nullable [] masterKey;

	private PusherSignatures(String key, String secret, byte @Nullable [] masterKey) {
		this.key = key;
		this.secret = secret;
		this.signatures = new AuthSignatures(key, secret);
		this.masterKey = masterKey;
	}

	/**
	 * Verify with the test credentials of {@link RecordPusherEvents @RecordPusherEvents}.
	 * @return a verifier
	 */
	public static PusherSignatures forTestCredentials() {
		return of(PusherTestCredentials.CREDENTIALS);
	}

	/**
	 * Verify with an app's key and secret.
	 * @param key the app key
	 * @param secret the app secret
	 * @return a verifier
	 */
	public static PusherSignatures of(String key, String secret) {
		Assert.hasText(key, "'key' must not be empty");
		Assert.hasText(secret, "'secret' must not be empty");
		return new PusherSignatures(key, secret, null);
	}

	/**
	 * Verify with an app's credentials.
	 * @param credentials the credentials
	 * @return a verifier
	 */
	public static PusherSignatures of(PusherCredentials credentials) {
		return of(credentials.key(), credentials.secret());
	}

	/**
	 * Verify with the credentials of a {@link PusherConnectionDetails}.
	 * @param connectionDetails the connection details
	 * @return a verifier
	 */
	public static PusherSignatures of(PusherConnectionDetails connectionDetails) {
		return of(connectionDetails.getKey(), connectionDetails.getSecret());
	}

	/**
	 * Verify with the credentials of the application's {@link PusherConnectionDetails}.
	 * @param context the application context
	 * @return a verifier
	 */
	public static PusherSignatures of(ApplicationContext context) {
		return of(context.getBean(PusherConnectionDetails.class));
	}

	/**
	 * Also verify the {@code shared_secret} of encrypted channels with a master key.
	 * @param base64MasterKey the base64 encoding of the 32-byte master key
	 * @return a verifier that knows the master key
	 */
	public PusherSignatures withEncryptionMasterKey(String base64MasterKey) {
		ChannelEncryption.validate(base64MasterKey);
		return new PusherSignatures(this.key, this.secret, Base64.getDecoder().decode(base64MasterKey.strip()));
	}

	/**
	 * Whether {@code auth} authorizes a socket for a private (or encrypted) channel.
	 * @param socketId the socket id
	 * @param channel the channel name
	 * @param auth the {@code auth} value of the answer, {@code "<key>:<signature>"}
	 * @return {@code true} if it was signed with this app's secret
	 */
	public boolean isValidPrivateAuth(String socketId, String channel, @Nullable String auth) {
		return this.signatures.isValidPrivateAuth(socketId, channel, auth);
	}

	/**
	 * Whether {@code auth} authorizes a socket for a presence channel with its
	 * {@code channel_data}.
	 * @param socketId the socket id
	 * @param channel the channel name
	 * @param channelData the {@code channel_data} of the answer
	 * @param auth the {@code auth} value of the answer
	 * @return {@code true} if it was signed with this app's secret
	 */
	public boolean isValidPresenceAuth(String socketId, String channel, String channelData, @Nullable String auth) {
		return this.signatures.isValidPresenceAuth(socketId, channel, channelData, auth);
	}

	/**
	 * Whether {@code auth} authenticates a user for {@code pusher:signin}.
	 * @param socketId the socket id
	 * @param userData the {@code user_data} of the answer
	 * @param auth the {@code auth} value of the answer
	 * @return {@code true} if it was signed with this app's secret
	 */
	public boolean isValidUserAuth(String socketId, String userData, @Nullable String auth) {
		return this.signatures.isValidUserAuth(socketId, userData, auth);
	}

	/**
	 * Whether a {@code shared_secret} is the one clients need to decrypt a channel.
	 * @param channel the {@code private-encrypted-} channel
	 * @param sharedSecret the {@code shared_secret} of the answer
	 * @return {@code true} if it is base64 (padded or not) of SHA-256 over the channel
	 * name and the master key
	 * @throws IllegalStateException if no master key was given
	 */
	public boolean isValidSharedSecret(String channel, @Nullable String sharedSecret) {
		Assert.state(this.masterKey != null, "No encryption master key; use withEncryptionMasterKey(...)");
		if (sharedSecret == null) {
			return false;
		}
		byte[] actual;
		try {
			actual = Base64.getDecoder().decode(sharedSecret);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		byte[] expected = PusherCrypto.sha256(channel.getBytes(StandardCharsets.UTF_8), this.masterKey);
		return MessageDigest.isEqual(expected, actual);
	}

	/**
	 * Verify a whole channel authorization answer: {@code auth}, plus
	 * {@code channel_data} for presence channels and {@code shared_secret} for encrypted
	 * ones (its value is checked when a master key was given).
	 * @param socketId the socket id that asked
	 * @param channel the channel it asked for
	 * @param answer the JSON answer
	 * @throws AssertionError if the answer would not let the client subscribe
	 */
	public void verifyChannelAuthorization(String socketId, String channel, String answer) {
		String subject = "Channel authorization of socket " + socketId + " for " + channel;
		if (!ChannelNames.requiresAuthorization(channel)) {
			throw new AssertionError(subject + ": public channels need no authorization");
		}
		JsonNode body = parse(subject, answer);
		String auth = requiredString(subject, body, "auth");
		if (ChannelNames.isPresence(channel)) {
			String channelData = requiredString(subject, body, "channel_data");
			if (!isValidPresenceAuth(socketId, channel, channelData, auth)) {
				throw new AssertionError(subject + " with channel_data " + channelData + ": " + invalid(auth));
			}
			checkUserData(subject, "channel_data", channelData, "user_id");
			return;
		}
		if (!isValidPrivateAuth(socketId, channel, auth)) {
			throw new AssertionError(subject + ": " + invalid(auth));
		}
		if (ChannelNames.isEncrypted(channel)) {
			String sharedSecret = requiredString(subject, body, "shared_secret");
			if (this.masterKey != null && !isValidSharedSecret(channel, sharedSecret)) {
				throw new AssertionError(subject + ": the shared_secret is not the one derived from the channel name "
						+ "and the encryption master key");
			}
		}
	}

	/**
	 * Verify a whole user authentication answer: {@code auth} over {@code user_data},
	 * which must hold a non-empty string {@code id}.
	 * @param socketId the socket id that asked
	 * @param answer the JSON answer
	 * @throws AssertionError if the answer would not let the client sign in
	 */
	public void verifyUserAuthentication(String socketId, String answer) {
		String subject = "User authentication of socket " + socketId;
		JsonNode body = parse(subject, answer);
		String auth = requiredString(subject, body, "auth");
		String userData = requiredString(subject, body, "user_data");
		if (!isValidUserAuth(socketId, userData, auth)) {
			throw new AssertionError(subject + " with user_data " + userData + ": " + invalid(auth));
		}
		checkUserData(subject, "user_data", userData, "id");
	}

	/**
	 * A MockMvc matcher that verifies a channel authorization answer for the
	 * {@code socket_id} and {@code channel_name} of the request.
	 * @return the matcher
	 */
	public ResultMatcher validChannelAuthorization() {
		return AuthResultMatchers.channelAuthorization(this);
	}

	/**
	 * A MockMvc matcher that verifies a user authentication answer for the
	 * {@code socket_id} of the request.
	 * @return the matcher
	 */
	public ResultMatcher validUserAuthentication() {
		return AuthResultMatchers.userAuthentication(this);
	}

	private String invalid(String auth) {
		int colon = auth.indexOf(':');
		if (colon < 0) {
			return "auth is not of the form '<key>:<signature>'";
		}
		if (!auth.substring(0, colon).equals(this.key)) {
			return "auth names key '" + auth.substring(0, colon) + "', not '" + this.key + "'";
		}
		return "the signature does not verify with the secret of key '" + this.key + "'";
	}

	private static JsonNode parse(String subject, String answer) {
		JsonNode body = JsonComparison.parse(answer);
		if (body == null || !body.isObject()) {
			throw new AssertionError(subject + ": the answer is not a JSON object");
		}
		return body;
	}

	private static String requiredString(String subject, JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || !value.isString()) {
			throw new AssertionError(subject + ": the answer has no string '" + field + "'");
		}
		return value.stringValue();
	}

	private static void checkUserData(String subject, String field, String text, String idField) {
		JsonNode data = JsonComparison.parse(text);
		JsonNode id = (data != null && data.isObject()) ? data.get(idField) : null;
		if (id == null || !id.isString() || id.stringValue().isEmpty()) {
			throw new AssertionError(
					subject + ": " + field + " must be a JSON object with a non-empty string '" + idField + "'");
		}
	}

	@Override
	public String toString() {
		return "PusherSignatures[key=" + this.key + ", secret=******]";
	}

}
