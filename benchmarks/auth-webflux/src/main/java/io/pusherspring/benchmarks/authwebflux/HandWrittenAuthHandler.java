package io.pusherspring.benchmarks.authwebflux;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import reactor.core.publisher.Mono;

import io.pusherspring.benchmarks.support.AuthScenario;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The baseline: what a team writes by hand in WebFlux, a handler function that decodes
 * the form, authorizes the channel against the same 20 prefixes (the last one matching,
 * as for the starter) and signs {@code socket_id:channel_name} with HMAC-SHA256 itself,
 * one {@link Mac} per thread. No validation beyond a missing field, no rate limit, no
 * events or observations.
 */
final class HandWrittenAuthHandler {

	private final String key;

	private final List<String> prefixes = new ArrayList<>();

	private final ThreadLocal<Mac> macs;

	HandWrittenAuthHandler(String key, String secret) {
		this.key = key;
		// the same order as the starter's authorizers: the catch-all "private-" last
		for (String domain : AuthScenario.DOMAINS) {
			this.prefixes.add(AuthScenario.channelPrefix(domain));
		}
		byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(secretBytes, "HmacSHA256"));
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	Mono<ServerResponse> auth(ServerRequest request) {
		return request.formData().flatMap(this::answer);
	}

	private Mono<ServerResponse> answer(MultiValueMap<String, String> form) {
		String socketId = form.getFirst("socket_id");
		String channel = form.getFirst("channel_name");
		if (socketId == null || channel == null) {
			return ServerResponse.badRequest().build();
		}
		if (!authorized(channel)) {
			return ServerResponse.status(HttpStatus.FORBIDDEN).build();
		}
		byte[] signature = this.macs.get().doFinal((socketId + ":" + channel).getBytes(StandardCharsets.UTF_8));
		String body = "{\"auth\":\"" + this.key + ":" + HexFormat.of().formatHex(signature) + "\"}";
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
	}

	private boolean authorized(String channel) {
		for (String prefix : this.prefixes) {
			if (channel.startsWith(prefix) && channel.length() > prefix.length()) {
				return true;
			}
		}
		return false;
	}

}
