package io.pusherspring.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Hex HMAC-SHA256 under an app secret: what Pusher signs API requests, channel
 * authorizations, user authentications and webhooks with. Verification compares in
 * constant time. Thread-safe; each thread reuses its own initialized {@link Mac}.
 * <p>
 * Not API: the shared home of this algorithm for the library's own packages (core, auth,
 * webhook), public only because Java has no other way to share a class across packages.
 * Applications do not need it, it is left out of the published Javadoc, and it may change
 * in any release.
 */
public final class HmacSigner {

	private static final String ALGORITHM = "HmacSHA256";

	private static final int SIGNATURE_BYTES = 32;

	private static final HexFormat HEX = HexFormat.of();

	private final SecretKeySpec key;

	private final ThreadLocal<Mac> macs;

	/**
	 * Create a signer for a secret.
	 * @param secret the app secret
	 */
	public HmacSigner(String secret) {
		Assert.hasText(secret, "'secret' must not be empty");
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	/**
	 * Sign text.
	 * @param message the text, signed as UTF-8
	 * @return the lower-case hex signature
	 */
	public String sign(String message) {
		return sign(message.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Sign bytes.
	 * @param message the bytes
	 * @return the lower-case hex signature
	 */
	public String sign(byte[] message) {
		return HEX.formatHex(digest(message));
	}

	/**
	 * Whether a hex signature is the signature of some bytes, compared in time that does
	 * not depend on where they differ.
	 * @param message the signed bytes
	 * @param signature the claimed hex signature, possibly {@code null} or malformed
	 * @return {@code true} if it matches
	 */
	public boolean verify(byte[] message, @Nullable String signature) {
		byte[] claimed = decode(signature);
		return claimed != null && MessageDigest.isEqual(digest(message), claimed);
	}

	private byte[] digest(byte[] message) {
		Assert.notNull(message, "'message' must not be null");
		return this.macs.get().doFinal(message);
	}

	private static byte @Nullable [] decode(@Nullable String signature) {
		if (signature == null || signature.length() != SIGNATURE_BYTES * 2) {
			return null;
		}
		try {
			return HEX.parseHex(signature);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "HmacSigner[secret=******]";
	}

}
