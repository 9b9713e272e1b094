package io.pusherspring.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.pusher.rest.crypto.CryptoUtil;
import com.pusher.rest.data.EncryptedMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * End-to-end encryption of {@code private-encrypted-} channels with the app's master key;
 * the cryptography is pusher-http-java's.
 */
public final class ChannelEncryption {

	private static final int MASTER_KEY_BYTES = 32;

	private static final JsonMapper json = JsonMapper.shared();

	private final CryptoUtil crypto;

	private final byte[] masterKey;

	/**
	 * Create an instance for a master key.
	 * @param base64MasterKey the base64 encoding of 32 random bytes
	 * @throws IllegalArgumentException if the key is not base64 of 32 bytes (the message
	 * does not repeat the key)
	 */
	public ChannelEncryption(String base64MasterKey) {
		this.masterKey = decode(base64MasterKey);
		this.crypto = new CryptoUtil(Base64.getEncoder().encodeToString(this.masterKey));
	}

	/**
	 * Check a master key without keeping it.
	 * @param base64MasterKey the candidate key
	 * @throws IllegalArgumentException if it is not base64 of 32 bytes
	 */
	public static void validate(String base64MasterKey) {
		decode(base64MasterKey);
	}

	private static byte[] decode(String base64MasterKey) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64MasterKey.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The encryption master key is not valid base64");
		}
		if (key.length != MASTER_KEY_BYTES) {
			throw new IllegalArgumentException("The encryption master key must be the base64 encoding of "
					+ MASTER_KEY_BYTES + " bytes, but it decodes to " + key.length + " bytes");
		}
		return key;
	}

	/**
	 * The key clients use to decrypt one channel's events, sent with the channel's
	 * authorization.
	 * @param channel a {@code private-encrypted-} channel
	 * @return base64 (padded) of SHA-256 over the channel name and the master key
	 */
	public String sharedSecret(String channel) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(channel.getBytes(StandardCharsets.UTF_8));
			sha256.update(this.masterKey);
			return Base64.getEncoder().encodeToString(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Encrypt event data for one channel.
	 * @param channel a {@code private-encrypted-} channel
	 * @param data the serialized event data
	 * @return the JSON {@code {"nonce": ..., "ciphertext": ...}} Pusher expects as data
	 */
	public String encrypt(String channel, String data) {
		EncryptedMessage message = this.crypto.encrypt(channel, data.getBytes(StandardCharsets.UTF_8));
		Map<String, String> body = new LinkedHashMap<>();
		body.put("nonce", message.getNonce());
		body.put("ciphertext", message.getCiphertext());
		return json.writeValueAsString(body);
	}

	/**
	 * Decrypt event data encrypted for one channel.
	 * @param channel a {@code private-encrypted-} channel
	 * @param nonce the base64 nonce
	 * @param ciphertext the base64 ciphertext
	 * @return the serialized event data
	 */
	public String decrypt(String channel, String nonce, String ciphertext) {
		return this.crypto.decrypt(channel, new EncryptedMessage(nonce, ciphertext));
	}

	@Override
	public String toString() {
		return "ChannelEncryption[masterKey=******]";
	}

}
