package io.pusherspring.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.pusher.rest.SignatureUtil;

import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Webhook requests as Pusher sends them, signed with pusher-http-java, independently of
 * the library's own signing.
 */
final class SignedWebhooks {

	static final String KEY = "278d425bdf160c739803";

	static final String SECRET = "7ad3773142a6692b25b8";

	static final String PATH = "/pusher/webhooks";

	private SignedWebhooks() {
	}

	static String body(Instant time, String... events) {
		return "{\"time_ms\":" + time.toEpochMilli() + ",\"events\":[" + String.join(",", events) + "]}";
	}

	static MockHttpServletRequest signed(String body) {
		return request(body, KEY, SignatureUtil.sign(body, SECRET));
	}

	static MockHttpServletRequest request(String body, String key, String signature) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", PATH);
		request.setContentType("application/json");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		if (key != null) {
			request.addHeader("X-Pusher-Key", key);
		}
		if (signature != null) {
			request.addHeader("X-Pusher-Signature", signature);
		}
		return request;
	}

}
