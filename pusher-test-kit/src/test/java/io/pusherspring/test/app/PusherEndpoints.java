package io.pusherspring.test.app;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.pusherspring.autoconfigure.PusherConnectionDetails;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stand-ins for the Pusher endpoints an application exposes (the starter's own auth
 * endpoints are not written yet): channel authorization and user authentication.
 *
 * @author pusher-spring-boot
 */
@RestController
public class PusherEndpoints {

	private final PusherConnectionDetails pusher;

	public PusherEndpoints(PusherConnectionDetails pusher) {
		this.pusher = pusher;
	}

	/**
	 * Authorize user 42's private channel and the presence channels of classes.
	 * @param socketId the socket id
	 * @param channel the channel name
	 * @return the authorization, or 403
	 */
	@PostMapping("/pusher/auth")
	public ResponseEntity<Map<String, String>> channelAuth(@RequestParam("socket_id") String socketId,
			@RequestParam("channel_name") String channel) {
		if (channel.equals("private-user-42")) {
			return ResponseEntity.ok(Map.of("auth", auth(socketId + ":" + channel)));
		}
		if (channel.startsWith("presence-class-")) {
			String channelData = "{\"user_id\":\"42\",\"user_info\":{\"name\":\"Ada\"}}";
			return ResponseEntity
				.ok(Map.of("auth", auth(socketId + ":" + channel + ":" + channelData), "channel_data", channelData));
		}
		return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
	}

	/**
	 * Sign user 42 in.
	 * @param socketId the socket id
	 * @return the authentication
	 */
	@PostMapping("/pusher/user-auth")
	public Map<String, String> userAuth(@RequestParam("socket_id") String socketId) {
		String userData = "{\"id\":\"42\",\"user_info\":{\"name\":\"Ada\"}}";
		return Map.of("auth", auth(socketId + "::user::" + userData), "user_data", userData);
	}

	private String auth(String signed) {
		return this.pusher.getKey() + ":" + sign(signed.getBytes(StandardCharsets.UTF_8));
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
