package io.pusherspring.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.ConnectionStatistics;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A stand-in for the Pusher HTTP API that is never the bottleneck: Jetty 12 core on the
 * loopback interface, answering every {@code POST /apps/{id}/events} with {@code 200 {}}
 * once the body has been read, either at once or after a fixed delay. The delay is
 * scheduled rather than slept, so requests waiting on it hold no server thread and any
 * number of them can be in flight. Signatures are not checked: both clients under
 * comparison sign with the same pusher-http-java code.
 */
public final class StubPusherApi implements AutoCloseable {

	private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

	private final Server server;

	private final ServerConnector connector;

	private final ScheduledExecutorService delays;

	private final ConnectionStatistics connections = new ConnectionStatistics();

	private final LongAdder answered = new LongAdder();

	private final LongAdder rejected = new LongAdder();

	/**
	 * Start a server on an ephemeral port of 127.0.0.1.
	 * @param delayMs how long to wait before answering, 0 for at once
	 * @throws Exception if Jetty does not start
	 */
	public StubPusherApi(long delayMs) throws Exception {
		QueuedThreadPool threads = new QueuedThreadPool(64, 8);
		threads.setName("local-pusher");
		this.server = new Server(threads);
		this.connector = new ServerConnector(this.server, 1, 1);
		this.connector.setHost("127.0.0.1");
		this.connector.setPort(0);
		this.connector.addBean(this.connections);
		this.server.addConnector(this.connector);
		this.delays = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "local-pusher-delay");
			thread.setDaemon(true);
			return thread;
		});
		this.server.setHandler(new EventsHandler(delayMs));
		this.server.start();
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int getPort() {
		return this.connector.getLocalPort();
	}

	/**
	 * How many requests were answered with 200.
	 * @return the count
	 */
	public long getAnswered() {
		return this.answered.sum();
	}

	/**
	 * How many requests were not {@code POST .../events} and were answered with 404.
	 * @return the count
	 */
	public long getRejected() {
		return this.rejected.sum();
	}

	/**
	 * How many connections clients opened, and the most open at once.
	 * @return a description such as {@code 8 connections (at most 8 open at once)}
	 */
	public String describeConnections() {
		return this.connections.getConnectionsTotal() + " connections (at most " + this.connections.getConnectionsMax()
				+ " open at once)";
	}

	@Override
	public void close() throws Exception {
		this.server.stop();
		this.delays.shutdownNow();
	}

	private final class EventsHandler extends Handler.Abstract {

		private final long delayMs;

		EventsHandler(long delayMs) {
			this.delayMs = delayMs;
		}

		@Override
		public boolean handle(Request request, Response response, Callback callback) {
			boolean events = "POST".equals(request.getMethod()) && request.getHttpURI().getPath().endsWith("/events");
			Content.Source.consumeAll(request, Callback.from(() -> {
				if (!events) {
					StubPusherApi.this.rejected.increment();
					Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
				}
				else if (this.delayMs > 0) {
					StubPusherApi.this.delays.schedule(() -> answer(response, callback), this.delayMs,
							TimeUnit.MILLISECONDS);
				}
				else {
					answer(response, callback);
				}
			}, callback::failed));
			return true;
		}

		private void answer(Response response, Callback callback) {
			StubPusherApi.this.answered.increment();
			response.setStatus(HttpStatus.OK_200);
			response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
			response.getHeaders().put(HttpHeader.CONTENT_LENGTH, EMPTY_OBJECT.length);
			response.write(true, ByteBuffer.wrap(EMPTY_OBJECT), callback);
		}

	}

}
