package io.pusherspring.benchmarks.auth;

import com.pusher.rest.Pusher;

import io.pusherspring.benchmarks.support.AuthScenario;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline: what a team writes by hand, a controller that signs every channel with
 * pusher-http-java's {@code authenticate}, with no authorization, validation or rate
 * limit.
 */
@RestController
public class HandWrittenAuthController {

	private final Pusher pusher = new Pusher(AuthScenario.APP_ID, AuthScenario.KEY, AuthScenario.SECRET);

	@PostMapping(path = "/handwritten/auth", produces = MediaType.APPLICATION_JSON_VALUE)
	String auth(@RequestParam("socket_id") String socketId, @RequestParam("channel_name") String channel) {
		return this.pusher.authenticate(socketId, channel);
	}

}
