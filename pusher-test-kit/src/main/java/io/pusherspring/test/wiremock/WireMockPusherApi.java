package io.pusherspring.test.wiremock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pusherspring.test.ReceivedRequest;
import io.pusherspring.test.simulator.HttpApiRequest;
import io.pusherspring.test.simulator.PusherHttpApi;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP side of {@code FakePusherServer}: a WireMock server on a free port. Its
 * lowest-priority stub answers every request through the {@link PusherHttpApi} (as the
 * {@link PusherApiTransformer} extension); each planned fault is a stub of its own, ahead
 * of it and of the faults planned after it, that serves one request; a delay of every
 * answer is WireMock's global delay; and what the server received is WireMock's request
 * journal. It loads no mapping files and logs nothing but errors, with signatures
 * removed. Internal to the test kit: public only so that {@code FakePusherServer} can
 * build on it.
 */
public final class WireMockPusherApi {

	/**
	 * The log category of the requests the server answers: the name of
	 * {@code FakePusherServer}, whose users configure it.
	 */
	private static final String LOGGER = "io.pusherspring.test.FakePusherServer";

	private final WireMockServer server;

	private final AtomicInteger plannedFaults = new AtomicInteger();

	private volatile Duration delay = Duration.ZERO;

	private volatile Supplier<@Nullable InjectedFault> randomFaults = () -> null;

	/**
	 * Create a server; it does not listen until {@link #start() started}.
	 * @param api answers the requests
	 */
	public WireMockPusherApi(PusherHttpApi api) {
		WireMockConfiguration options = WireMockConfiguration.options()
			.dynamicPort()
			.bindAddress("localhost")
			.mappingSource(new NoMappings())
			.templatingEnabled(false)
			.gzipDisabled(true)
			.stubCorsEnabled(false)
			.jettyStopTimeout(1000L)
			.notifier(new QuietNotifier())
			.extensions(new PusherApiTransformer(api, () -> this.randomFaults.get(), () -> this.delay),
					new AnswerLog());
		this.server = new WireMockServer(options);
		stubTheApi();
	}

	/**
	 * Start listening on a free port.
	 */
	public void start() {
		this.server.start();
	}

	/**
	 * Stop listening; what the server received stays readable.
	 */
	public void stop() {
		this.server.stop();
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * Inject a fault into the next request that no fault planned earlier applies to.
	 * @param fault the fault
	 */
	public void plan(InjectedFault fault) {
		ResponseDefinitionBuilder response;
		if (fault.accepts()) {
			response = WireMock.aResponse()
				.withTransformers(PusherApiTransformer.NAME)
				.withTransformerParameter(PusherApiTransformer.FAULT, fault.kind().name())
				.withTransformerParameter(PusherApiTransformer.DELAY_MILLIS,
						PusherApiTransformer.millis(fault.delay()));
		}
		else {
			response = PusherApiTransformer.refusal(fault);
		}
		// ahead of the API's stub and of the faults planned after this one
		MappingBuilder stub = WireMock.any(WireMock.anyUrl())
			.atPriority(this.plannedFaults.incrementAndGet())
			.andMatching(new ServedOnce())
			.willReturn(response);
		this.server.stubFor(stub);
	}

	/**
	 * Inject faults at random into the requests that no planned fault applies to.
	 * @param randomFaults draws the fault of each such request, or {@code null} for none
	 */
	public void injectRandomFaults(Supplier<@Nullable InjectedFault> randomFaults) {
		this.randomFaults = randomFaults;
	}

	/**
	 * Delay every answer.
	 * @param delay the delay, {@link Duration#ZERO} for none
	 */
	public void delay(Duration delay) {
		this.delay = delay;
		this.server.setGlobalFixedDelay(PusherApiTransformer.millis(delay));
	}

	/**
	 * Every request received since the last reset, whatever it was answered, oldest
	 * first.
	 * @return a snapshot of the requests
	 */
	public List<ReceivedRequest> requests() {
		List<ReceivedRequest> requests = new ArrayList<>();
		// the journal lists the newest first
		for (ServeEvent served : this.server.getAllServeEvents()) {
			requests.add(received(served));
		}
		Collections.reverse(requests);
		return requests;
	}

	/**
	 * Forget received requests, planned faults and the delay.
	 */
	public void reset() {
		this.server.resetAll();
		this.plannedFaults.set(0);
		delay(Duration.ZERO);
		stubTheApi();
	}

	private void stubTheApi() {
		this.server.stubFor(WireMock.any(WireMock.anyUrl())
			.atPriority(Integer.MAX_VALUE)
			.willReturn(WireMock.aResponse().withTransformers(PusherApiTransformer.NAME)));
	}

	private static ReceivedRequest received(ServeEvent served) {
		LoggedRequest request = served.getRequest();
		String method = request.getMethod().getName();
		byte[] body = request.getBody();
		HttpApiRequest decoded = HttpApiRequest.decode(method, request.getUrl(), (body != null) ? body : new byte[0]);
		ResponseDefinition answer = served.getResponseDefinition();
		Parameters parameters = answer.getTransformerParameters();
		String fault = (parameters != null) ? parameters.getString(PusherApiTransformer.FAULT, null) : null;
		return new ReceivedRequest(method, decoded.path(), decoded.query(), decoded.text(),
				(answer.getFault() != null) ? ReceivedRequest.DROPPED : answer.getStatus(),
				(fault != null) ? ReceivedRequest.Fault.valueOf(fault) : null);
	}

	/**
	 * Logs each answer at debug level, without the request's query.
	 */
	private static final class AnswerLog implements ServeEventListener {

		private static final Log logger = LogFactory.getLog(LOGGER);

		@Override
		public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
			if (logger.isDebugEnabled()) {
				ReceivedRequest request = received(serveEvent);
				logger.debug("Answered "
						+ ((request.status() != ReceivedRequest.DROPPED) ? request.status()
								: "by closing the connection")
						+ ((request.fault() != null) ? " (injected " + request.fault() + ")" : "") + " to "
						+ request.method() + " " + request.path()
						+ (request.body().isEmpty() ? "" : " " + request.body()));
			}
		}

		@Override
		public String getName() {
			return "pusher-answer-log";
		}

	}

	/**
	 * Loads no stubs from files, so a project's own WireMock mappings cannot interfere.
	 */
	private static final class NoMappings implements MappingsSource {

		@Override
		public void loadMappingsInto(StubMappings stubMappings) {
		}

		@Override
		public void save(List<StubMapping> stubMappings) {
		}

		@Override
		public void save(StubMapping stubMapping) {
		}

		@Override
		@SuppressWarnings("removal") // WireMock still requires it
		public void remove(StubMapping stubMapping) {
		}

		@Override
		public void removeAll() {
		}

	}

	/**
	 * Drops WireMock's informational messages and logs errors without signatures.
	 */
	private static final class QuietNotifier implements Notifier {

		private static final Log logger = LogFactory.getLog(LOGGER);

		private static final Pattern SIGNATURE = Pattern.compile("auth_signature=[^&\\s\"]*");

		@Override
		public void info(String message) {
		}

		@Override
		public void error(String message) {
			logger.warn(scrub(message));
		}

		@Override
		public void error(String message, Throwable ex) {
			logger.warn(scrub(message) + ": " + ex.getClass().getName());
		}

		private static String scrub(String message) {
			return SIGNATURE.matcher(message).replaceAll("auth_signature=[redacted]");
		}

	}

}
