package io.pusherspring.test;

import java.util.List;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import io.pusherspring.test.FakePusherHandler.Reply;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The HTTP side of {@link FakePusherServer}: a WireMock server on a free port whose only
 * stub hands every request to a {@link FakePusherHandler}. It loads no mapping files,
 * keeps no request journal, and logs nothing but errors, with signatures removed.
 */
final class WireMockHttpServer {

	private static final String TRANSFORMER = "fake-pusher-server";

	private final WireMockServer server;

	WireMockHttpServer(FakePusherHandler handler) {
		WireMockConfiguration options = WireMockConfiguration.options()
			.dynamicPort()
			.bindAddress("localhost")
			.mappingSource(new NoMappings())
			.disableRequestJournal()
			.templatingEnabled(false)
			.gzipDisabled(true)
			.stubCorsEnabled(false)
			.jettyStopTimeout(1000L)
			.notifier(new QuietNotifier())
			.extensions(new Transformer(handler));
		this.server = new WireMockServer(options);
	}

	void start() {
		this.server.start();
		this.server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse()));
	}

	void stop() {
		this.server.stop();
	}

	boolean isRunning() {
		return this.server.isRunning();
	}

	int port() {
		return this.server.port();
	}

	/**
	 * Answers every request through the handler, after the delay it asks for.
	 */
	private static final class Transformer implements ResponseDefinitionTransformerV2 {

		private final FakePusherHandler handler;

		Transformer(FakePusherHandler handler) {
			this.handler = handler;
		}

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			Request request = serveEvent.getRequest();
			Reply reply = this.handler.handle(request.getMethod().getName(), request.getUrl(), request.getBody());
			ResponseDefinitionBuilder response = new ResponseDefinitionBuilder();
			switch (reply.outcome()) {
				case RESET -> response.withFault(Fault.CONNECTION_RESET_BY_PEER);
				case CLOSE -> response.withFault(Fault.EMPTY_RESPONSE);
				case ANSWER -> {
					response.withStatus(reply.status())
						.withHeader("Content-Type", reply.contentType())
						.withBody(reply.body());
					if (reply.retryAfter() != null) {
						response.withHeader("Retry-After", reply.retryAfter());
					}
				}
			}
			long delay = reply.delay().toMillis();
			if (delay > 0) {
				response.withFixedDelay(Math.toIntExact(Math.min(delay, Integer.MAX_VALUE)));
			}
			return response.build();
		}

		@Override
		public String getName() {
			return TRANSFORMER;
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

		private static final Log logger = LogFactory.getLog(FakePusherServer.class);

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
