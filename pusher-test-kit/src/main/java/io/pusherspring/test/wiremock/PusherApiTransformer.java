package io.pusherspring.test.wiremock;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.pusherspring.test.ReceivedRequest;
import io.pusherspring.test.simulator.HttpApiRequest;
import io.pusherspring.test.simulator.PusherApiSimulator.Answer;
import io.pusherspring.test.simulator.PusherHttpApi;
import org.jspecify.annotations.Nullable;

/**
 * The Pusher HTTP API as a WireMock extension: the stubs that name it answer through the
 * {@link PusherHttpApi}, which checks signatures and limits as Pusher does and records
 * what it accepts. A planned fault that accepts first (a close after accepting, a slow
 * answer) is named in its stub's parameters; any other request draws a random fault
 * first. Every answer to a faulty request names its fault in the {@value #FAULT}
 * parameter, where the request journal finds it.
 */
final class PusherApiTransformer implements ResponseDefinitionTransformerV2 {

	static final String NAME = "pusher-http-api";

	/** The parameter naming the {@link ReceivedRequest.Fault} injected into a request. */
	static final String FAULT = "fault";

	/** The parameter giving how late a planned slow answer comes, in milliseconds. */
	static final String DELAY_MILLIS = "delayMillis";

	private final PusherHttpApi api;

	private final Supplier<@Nullable InjectedFault> randomFaults;

	private final Supplier<Duration> serverDelay;

	/**
	 * @param api answers the requests
	 * @param randomFaults draws the fault of a request that no planned fault applies to
	 * @param serverDelay the delay of every answer, which a slow answer comes on top of
	 */
	PusherApiTransformer(PusherHttpApi api, Supplier<@Nullable InjectedFault> randomFaults,
			Supplier<Duration> serverDelay) {
		this.api = api;
		this.randomFaults = randomFaults;
		this.serverDelay = serverDelay;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		Parameters parameters = serveEvent.getTransformerParameters();
		InjectedFault fault = parameters.containsKey(FAULT) ? planned(parameters) : this.randomFaults.get();
		if (fault != null && !fault.accepts()) {
			return refusal(fault).build();
		}
		Request request = serveEvent.getRequest();
		Answer answer = this.api
			.answer(HttpApiRequest.decode(request.getMethod().getName(), request.getUrl(), body(request.getBody())));
		ResponseDefinitionBuilder response = WireMock.aResponse()
			.withStatus(answer.status())
			.withHeader("Content-Type", answer.contentType())
			.withBody(answer.body());
		if (fault != null) {
			response.withTransformerParameter(FAULT, fault.kind().name());
			if (fault.kind() == ReceivedRequest.Fault.CLOSED_AFTER_ACCEPTING) {
				response.withFault(Fault.EMPTY_RESPONSE);
			}
			else {
				// a stub's own delay replaces the server's in WireMock: add them up here
				response.withFixedDelay(millis(fault.delay().plus(this.serverDelay.get())));
			}
		}
		return response.build();
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public String getName() {
		return NAME;
	}

	/**
	 * The answer of a fault that replaces the API's: an error status, or a reset
	 * connection.
	 * @param fault an error status or a dropped connection
	 * @return the answer, naming its fault
	 */
	static ResponseDefinitionBuilder refusal(InjectedFault fault) {
		ResponseDefinitionBuilder response = WireMock.aResponse().withTransformerParameter(FAULT, fault.kind().name());
		if (fault.kind() == ReceivedRequest.Fault.DROPPED_CONNECTION) {
			return response.withFault(Fault.CONNECTION_RESET_BY_PEER);
		}
		response.withStatus(fault.status())
			.withHeader("Content-Type", Answer.PLAIN_TEXT)
			.withBody(injectedMessage(fault.status()));
		return (fault.retryAfter() != null) ? response.withHeader("Retry-After", fault.retryAfter()) : response;
	}

	private static InjectedFault planned(Parameters parameters) {
		ReceivedRequest.Fault kind = ReceivedRequest.Fault.valueOf(parameters.getString(FAULT));
		return (kind == ReceivedRequest.Fault.SLOW_ANSWER)
				? InjectedFault.slowAnswer(Duration.ofMillis(parameters.getInt(DELAY_MILLIS)))
				: InjectedFault.closedAfterAccepting();
	}

	private static byte[] body(byte @Nullable [] body) {
		return (body != null) ? body : new byte[0];
	}

	static int millis(Duration delay) {
		return (int) Math.min(delay.toMillis(), Integer.MAX_VALUE);
	}

	private static String injectedMessage(int status) {
		String reason = switch (status) {
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 413 -> "Payload Too Large";
			case 429 -> "Too Many Requests";
			case 500 -> "Internal Server Error";
			case 502 -> "Bad Gateway";
			case 503 -> "Service Unavailable";
			case 504 -> "Gateway Timeout";
			default -> "Error";
		};
		return reason + " (injected by FakePusherServer)";
	}

}
