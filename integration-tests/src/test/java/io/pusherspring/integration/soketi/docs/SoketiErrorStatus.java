package io.pusherspring.integration.soketi.docs;

import java.util.concurrent.CompletableFuture;

import io.pusherspring.core.PusherRequest;
import io.pusherspring.core.PusherResponse;
import io.pusherspring.core.PusherTransport;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

// tag::transport[]
/**
 * soketi 1.6.1 answers the errors of its HTTP API with status 200 and a body
 * {@code {"error": "...", "code": 401}}. This transport gives such an answer the status
 * its body names, so the template throws and the health indicator is DOWN, as they are
 * against Pusher. Pusher never answers a success with such a body.
 */
public final class SoketiErrorStatus implements PusherTransport {

	private static final JsonMapper json = JsonMapper.shared();

	private final PusherTransport transport;

	public SoketiErrorStatus(PusherTransport transport) {
		this.transport = transport;
	}

	@Override
	public CompletableFuture<PusherResponse> exchangeAsync(PusherRequest request) {
		return this.transport.exchangeAsync(request).thenApply(SoketiErrorStatus::withStatusFromBody);
	}

	static PusherResponse withStatusFromBody(PusherResponse response) {
		if (response.statusCode() != 200 || !response.body().startsWith("{\"error\"")) {
			return response;
		}
		try {
			JsonNode code = json.readTree(response.body()).path("code");
			if (code.isInt() && code.intValue() >= 400 && code.intValue() <= 599) {
				return new PusherResponse(code.intValue(), response.body(), response.retryAfter());
			}
		}
		catch (JacksonException ex) {
			// not soketi's error body
		}
		return response;
	}

}
// end::transport[]
