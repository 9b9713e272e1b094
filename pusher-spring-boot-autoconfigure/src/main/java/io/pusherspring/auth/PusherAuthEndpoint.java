package io.pusherspring.auth;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.Map;

import io.micrometer.observation.Observation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pusherspring.auth.PusherAuthorizationEvent.Kind;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestHandler;

/**
 * One auth endpoint over HTTP: reads {@code socket_id} (and {@code channel_name}) from a
 * form or JSON {@code POST}, asks the {@link PusherAuthService}, writes its answer as
 * JSON. Malformed requests get 400 (413 when too large) with a short error. Each request
 * is one {@link PusherAuthObservation observation}, tagged with the decision if there is
 * one.
 */
final class PusherAuthEndpoint implements HttpRequestHandler {

	/** Far more than the fields need: a channel name is at most 164 characters. */
	static final int MAX_BODY_BYTES = 8 * 1024;

	private static final String SOCKET_ID = "socket_id";

	private static final String CHANNEL_NAME = "channel_name";

	private static final Log logger = LogFactory.getLog(PusherAuthEndpoint.class);

	private static final JsonMapper json = JsonMapper.shared();

	private final PusherAuthService service;

	private final Kind kind;

	PusherAuthEndpoint(PusherAuthService service, Kind kind) {
		this.service = service;
		this.kind = kind;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		PusherAuthObservationContext context = new PusherAuthObservationContext(this.kind, request);
		Observation observation = this.service.observation(context).start();
		try {
			AuthAnswer answer;
			try (Observation.Scope scope = observation.openScope()) {
				answer = answer(request, response);
			}
			catch (RuntimeException ex) {
				logger.error("Pusher " + this.kind + " failed", ex);
				observation.error(ex);
				answer = AuthAnswer.refused(500, "Internal error");
			}
			context.setStatus(answer.status());
			context.setDecision(answer.decision());
			write(response, answer);
		}
		finally {
			observation.stop();
		}
	}

	private AuthAnswer answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!HttpMethod.POST.matches(request.getMethod())) {
			response.setHeader(HttpHeaders.ALLOW, HttpMethod.POST.name());
			return AuthAnswer.refused(405, "Use POST");
		}
		Principal principal = Callers.principal(request);
		AuthAnswer limited = this.service.rateLimit(this.kind, principal, request);
		if (limited != null) {
			return limited;
		}
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			return AuthAnswer.refused(413, "Request body over " + MAX_BODY_BYTES + " bytes");
		}
		Fields fields;
		try {
			fields = fields(request);
		}
		catch (MalformedRequestException ex) {
			return AuthAnswer.refused(ex.status, ex.getMessage());
		}
		if (this.kind == Kind.CHANNEL_AUTHORIZATION) {
			return this.service.authorizeChannel(fields.socketId(), fields.channelName(), principal, request);
		}
		return this.service.authenticateUser(fields.socketId(), principal, request);
	}

	/**
	 * The fields of a JSON body, or else the request parameters (form body or query).
	 */
	private static Fields fields(HttpServletRequest request) throws IOException {
		if (!isJson(request)) {
			return new Fields(request.getParameter(SOCKET_ID), request.getParameter(CHANNEL_NAME));
		}
		byte[] body = read(request);
		JsonNode node;
		try {
			node = json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedRequestException(400, "Request body is not valid JSON");
		}
		if (node == null || !node.isObject()) {
			throw new MalformedRequestException(400, "Request body must be a JSON object");
		}
		return new Fields(string(node, SOCKET_ID), string(node, CHANNEL_NAME));
	}

	private static @Nullable String string(JsonNode body, String name) {
		JsonNode value = body.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new MalformedRequestException(400, "'" + name + "' must be a string");
		}
		return value.stringValue();
	}

	private static boolean isJson(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType == null) {
			return false;
		}
		try {
			MediaType mediaType = MediaType.parseMediaType(contentType);
			return MediaType.APPLICATION_JSON.isCompatibleWith(mediaType) || mediaType.getSubtype().endsWith("+json");
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static byte[] read(HttpServletRequest request) throws IOException {
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
			if (body.length > MAX_BODY_BYTES) {
				throw new MalformedRequestException(413, "Request body over " + MAX_BODY_BYTES + " bytes");
			}
			return body;
		}
	}

	private static void write(HttpServletResponse response, AuthAnswer answer) throws IOException {
		Map<String, String> body;
		if (answer instanceof AuthAnswer.Signed signed) {
			response.setStatus(200);
			body = signed.body();
		}
		else {
			AuthAnswer.Refused refused = (AuthAnswer.Refused) answer;
			response.setStatus(refused.status());
			if (refused.status() == 429) {
				long seconds = Math.max(1, (refused.retryAfter().toMillis() + 999) / 1000);
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			}
			body = Map.of("error", refused.error());
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		byte[] bytes = json.writeValueAsBytes(body);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	@Override
	public String toString() {
		return "PusherAuthEndpoint[" + this.kind + "]";
	}

	private record Fields(@Nullable String socketId, @Nullable String channelName) {

	}

	private static final class MalformedRequestException extends RuntimeException {

		private final int status;

		MalformedRequestException(int status, String message) {
			super(message, null, false, false);
			this.status = status;
		}

	}

}
