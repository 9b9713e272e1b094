package io.pusherspring.auth;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;

import io.micrometer.observation.Observation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import io.pusherspring.auth.AuthRequestDecoding.Fields;
import io.pusherspring.auth.AuthRequestDecoding.Refusal;
import io.pusherspring.auth.PusherAuthorizationEvent.Kind;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestHandler;

/**
 * One auth endpoint over HTTP: reads {@code socket_id} (and {@code channel_name}) from a
 * form or JSON {@code POST} with {@link AuthRequestDecoder}, asks the
 * {@link PusherAuthService}, writes its answer as JSON. It never reads the servlet
 * request's parameters, which the container may fail to parse. A body it cannot read is
 * refused with 400, 413 or 415 and a short error, and logged by an
 * {@link AuthRefusalLog}; behind the {@link PusherAuthRequestFilter} such requests never
 * get here. Each request is one {@link PusherAuthObservation observation}, tagged with
 * the decision if there is one.
 */
final class PusherAuthEndpoint implements HttpRequestHandler {

	private static final Log logger = LogFactory.getLog(PusherAuthEndpoint.class);

	private static final JsonMapper json = JsonMapper.shared();

	private final PusherAuthService service;

	private final Kind kind;

	private final AuthRefusalLog refusals = new AuthRefusalLog(logger);

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
				// the request was decoded strictly before: this is the server's failure
				logger.error("Pusher " + this.kind + " failed; answered 500", ex);
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

	private AuthAnswer answer(HttpServletRequest request, HttpServletResponse response) {
		if (!HttpMethod.POST.matches(request.getMethod())) {
			response.setHeader(HttpHeaders.ALLOW, HttpMethod.POST.name());
			return AuthAnswer.refused(405, "Use POST");
		}
		Principal principal = Callers.principal(request);
		AuthAnswer limited = this.service.rateLimit(this.kind, principal, request);
		if (limited != null) {
			return limited;
		}
		ServletAuthBody body = ServletAuthBody.read(request);
		if (body.decoding() instanceof Refusal refusal) {
			this.refusals.refused(this.kind, request.getRemoteAddr(), refusal.status(), refusal.reason());
			return AuthAnswer.refused(refusal.status(), refusal.reason());
		}
		Fields fields = (Fields) body.decoding();
		if (this.kind == Kind.CHANNEL_AUTHORIZATION) {
			return this.service.authorizeChannel(fields.socketId(), fields.channelName(), principal, request);
		}
		return this.service.authenticateUser(fields.socketId(), principal, request);
	}

	/**
	 * Write an answer: its status, {@code Cache-Control: no-store} and its JSON body.
	 */
	static void write(HttpServletResponse response, AuthAnswer answer) throws IOException {
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

}
