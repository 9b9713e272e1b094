package io.pusherspring.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.PusherRequest;
import io.pusherspring.core.PusherResponse;
import io.pusherspring.core.PusherTransport;
import io.pusherspring.core.TriggerResult;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The two clients compared, against one {@link StubPusherApi}, with the same event data:
 * the starter's {@link PusherOperations} as an application gets it (auto-configured, over
 * its real HTTP transport), and pusher-http-java's own {@link Pusher} as its README sets
 * it up (its default connection manager, 2 connections per route, and timeouts). Every
 * call must succeed: the template throws on anything but 2xx, the raw client's
 * {@link Result} is checked, and {@link #close()} fails if the server answered nothing or
 * refused a request.
 */
final class TriggerClients implements AutoCloseable {

	static final String CHANNEL = "private-class-42";

	static final String EVENT = "content.generated";

	private final StubPusherApi server;

	private final ConfigurableApplicationContext application;

	private final PusherOperations template;

	private final PusherTransport transport;

	private final Pusher raw;

	/** The event data both clients serialize: Jackson for one, Gson for the other. */
	private final Map<String, Object> data = new LinkedHashMap<>();

	/** The body of one trigger, for the transport alone. */
	private final String triggerBody;

	/**
	 * Start the server and both clients.
	 * @param delayMs how long the server waits before answering
	 * @throws Exception if the server does not start
	 */
	TriggerClients(long delayMs) throws Exception {
		this.server = new StubPusherApi(delayMs);
		this.application = StarterContext.start(Publisher.class, Map.of("pusher.scheme", "http", "pusher.host",
				"127.0.0.1", "pusher.port", Integer.toString(this.server.getPort())));
		this.template = this.application.getBean(PusherOperations.class);
		this.transport = this.application.getBean(PusherTransport.class);
		this.raw = new Pusher(StarterContext.APP_ID, StarterContext.KEY, StarterContext.SECRET);
		this.raw.setHost("127.0.0.1:" + this.server.getPort());
		this.raw.setEncrypted(false);
		this.data.put("contentId", "c-8f14e45f");
		this.data.put("contentType", "lesson");
		this.data.put("title", "Photosynthesis, part 2");
		this.data.put("progress", 42);
		this.data.put("tags", List.of("biology", "plants"));
		this.triggerBody = JsonMapper.shared()
			.writeValueAsString(Map.of("name", EVENT, "channels", List.of(CHANNEL), "data",
					JsonMapper.shared().writeValueAsString(this.data)));
	}

	/**
	 * {@code PusherOperations.trigger}: validation, Jackson, retries, signing, the pooled
	 * HTTP client, the answer's parsing.
	 * @return the result
	 */
	TriggerResult templateSync() {
		return this.template.trigger(CHANNEL, EVENT, this.data);
	}

	/**
	 * {@code PusherOperations.triggerAsync}, awaited at once: one request in flight.
	 * @return the result
	 */
	TriggerResult templateAsync() {
		return this.template.triggerAsync(PusherMessage.of(CHANNEL, EVENT, this.data)).join();
	}

	/**
	 * {@code PusherOperations.triggerAsync} with requests in flight: start them all, then
	 * await them all.
	 * @param count how many
	 * @return the last result
	 */
	TriggerResult templateAsyncInFlight(int count) {
		@SuppressWarnings("unchecked")
		CompletableFuture<TriggerResult>[] calls = new CompletableFuture[count];
		for (int i = 0; i < count; i++) {
			calls[i] = this.template.triggerAsync(PusherMessage.of(CHANNEL, EVENT, this.data));
		}
		TriggerResult last = null;
		for (CompletableFuture<TriggerResult> call : calls) {
			last = call.join();
		}
		return last;
	}

	/**
	 * pusher-http-java's {@code Pusher.trigger}: Gson, its own signing, HttpClient 4.
	 * @return the result, successful
	 */
	Result rawPusher() {
		Result result = this.raw.trigger(CHANNEL, EVENT, this.data);
		if (result.getStatus() != Result.Status.SUCCESS) {
			throw new IllegalStateException("Trigger failed: " + result.getStatus() + " " + result.getMessage());
		}
		return result;
	}

	/**
	 * The application's {@code PusherTransport} alone, with a body serialized once: the
	 * template's blocking path without validation, serialization, retries and the
	 * answer's parsing.
	 * @return the response, successful
	 */
	PusherResponse transportSync() {
		PusherResponse response = this.transport.exchange(PusherRequest.post("/events", this.triggerBody));
		if (!response.isSuccessful()) {
			throw new IllegalStateException("Trigger failed: " + response.statusCode());
		}
		return response;
	}

	@Override
	public void close() throws Exception {
		this.raw.close();
		this.application.close();
		this.server.close();
		if (this.server.getRejected() > 0 || this.server.getAnswered() == 0) {
			throw new IllegalStateException("The server answered " + this.server.getAnswered()
					+ " triggers and refused " + this.server.getRejected() + " requests");
		}
	}

	/**
	 * The server's side of the story, for the log.
	 * @return such as {@code 1200 triggers answered over 8 connections (at most 8 open at
	 * once)}
	 */
	String describe() {
		return this.server.getAnswered() + " triggers answered over " + this.server.describeConnections();
	}

	/**
	 * An application with the starter and nothing else.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Publisher {

	}

}
