package io.pusherspring.auth;

import java.io.IOException;
import java.security.Principal;

import io.micrometer.observation.Observation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

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

	private final PusherAuthService service;

	private final Kind kind;

	private final AuthRefusalLog refusals = new AuthRefusalLog(logger);

	PusherAuthEndpoint(PusherAuthService service, Kind kind) {
		this.service = service;
		this.kind = kind;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		AuthRequest authRequest = ServletAuthRequest.of(request);
		PusherAuthObservationContext context = new PusherAuthObservationContext(this.kind, authRequest);
		Observation observation = this.service.observations().observation(context).start();
		try {
			AuthResponse answer;
			try (Observation.Scope scope = observation.openScope()) {
				answer = answer(request, authRequest, response);
			}
			catch (RuntimeException ex) {
				// the request was decoded strictly before: this is the server's failure
				logger.error("Pusher " + this.kind + " failed; answered 500", ex);
				observation.error(ex);
				answer = AuthResponse.refused(500, "Internal error");
			}
			context.setStatus(answer.status());
			context.setDecision(answer.decision());
			write(response, answer);
		}
		finally {
			observation.stop();
		}
	}

	private AuthResponse answer(HttpServletRequest request, AuthRequest authRequest, HttpServletResponse response) {
		if (!HttpMethod.POST.matches(request.getMethod())) {
			response.setHeader(HttpHeaders.ALLOW, HttpMethod.POST.name());
			return AuthResponse.refused(405, "Use POST");
		}
		Principal principal = ServletCallerPrincipal.of(request);
		AuthResponse limited = this.service.rateLimit(this.kind, authRequest, principal);
		if (limited != null) {
			return limited;
		}
		ServletAuthBody body = ServletAuthBody.read(request);
		if (body.decoding() instanceof Refusal refusal) {
			this.refusals.refused(this.kind, request.getRemoteAddr(), refusal.status(), refusal.reason());
			return AuthResponse.refused(refusal.status(), refusal.reason());
		}
		Fields fields = (Fields) body.decoding();
		if (this.kind == Kind.CHANNEL_AUTHORIZATION) {
			return this.service.authorizeChannel(authRequest, principal, fields.socketId(), fields.channelName());
		}
		return this.service.authenticateUser(authRequest, principal, fields.socketId());
	}

	/**
	 * Write a response: its status, {@code Cache-Control: no-store}, {@code Retry-After}
	 * for 429, and its JSON body.
	 */
	static void write(HttpServletResponse response, AuthResponse answer) throws IOException {
		response.setStatus(answer.status());
		if (answer instanceof AuthResponse.Refused refused && refused.status() == 429) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		byte[] bytes = AuthResponseJson.write(answer);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	@Override
	public String toString() {
		return "PusherAuthEndpoint[" + this.kind + "]";
	}

}
