package io.pusherspring.test.app;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pusherspring.autoconfigure.PusherConnectionDetails;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stand-in for the webhook endpoint an application exposes (the starter's own webhook
 * filter is not written yet). Channel authorization and user authentication are the
 * starter's endpoints, deciding with {@link ClassroomChannels}.
 *
 * @author pusher-spring-boot
 */
@RestController
public class PusherEndpoints {

	private final PusherConnectionDetails pusher;

	private final NotificationService notifications;

	public PusherEndpoints(PusherConnectionDetails pusher, NotificationService notifications) {
		this.pusher = pusher;
		this.notifications = notifications;
	}

	/**
	 * Verify a webhook and tell a class when a member joins.
	 * @param key the app key the webhook claims
	 * @param signature the signature of the body
	 * @param body the raw body
	 * @return 200 if verified, 401 otherwise
	 */
	@PostMapping("/pusher/webhooks")
	public ResponseEntity<Void> webhook(@RequestHeader(name = "X-Pusher-Key", required = false) String key,
			@RequestHeader(name = "X-Pusher-Signature", required = false) String signature, @RequestBody byte[] body) {
		boolean verified = this.pusher.getKey().equals(key) && signature != null && MessageDigest
			.isEqual(sign(body).getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
		if (!verified) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		for (JsonNode event : JsonMapper.shared().readTree(body).path("events").values()) {
			if ("member_added".equals(event.path("name").asString())) {
				this.notifications.memberJoined(event.path("channel").asString(), event.path("user_id").asString());
			}
		}
		return ResponseEntity.ok().build();
	}

	private String sign(byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.pusher.getSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
