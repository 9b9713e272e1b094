package io.pusherspring.test.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The digests Pusher signs with, from the JDK. Internal to the test kit: public only so
 * that its packages share it.
 */
public final class PusherCrypto {

	private PusherCrypto() {
	}

	/**
	 * Hex HMAC-SHA256 of a message under a secret.
	 * @param secret the app secret
	 * @param message the signed text
	 * @return lower-case hex
	 */
	public static String hmacSha256Hex(String secret, String message) {
		return hmacSha256Hex(secret, message.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Hex HMAC-SHA256 of some bytes under a secret.
	 * @param secret the app secret
	 * @param message the signed bytes
	 * @return lower-case hex
	 */
	public static String hmacSha256Hex(String secret, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/**
	 * Hex MD5 of a request body, as {@code body_md5} carries it.
	 * @param body the raw body
	 * @return lower-case hex
	 */
	public static String md5Hex(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("MD5 is not available", ex);
		}
	}

	/**
	 * SHA-256 of some bytes.
	 * @param parts the bytes, concatenated in order
	 * @return the digest
	 */
	public static byte[] sha256(byte[]... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (byte[] part : parts) {
				digest.update(part);
			}
			return digest.digest();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Compare two values in time that does not depend on where they differ.
	 * @param expected the expected value
	 * @param actual the actual value, possibly {@code null}
	 * @return {@code true} if they are equal
	 */
	public static boolean constantTimeEquals(String expected, @Nullable String actual) {
		return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

}
