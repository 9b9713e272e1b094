package io.pusherspring.integration.soketi;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The load balancer in front of the application's instances, as far as webhooks need one:
 * each request goes to the next instance in turn, with its body and the headers a
 * webhook's verification needs, and the instance's answer goes back.
 */
final class RoundRobinProxy implements AutoCloseable {

	private static final List<String> FORWARDED = List.of("Content-Type", "X-Pusher-Key", "X-Pusher-Signature");

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final AtomicInteger next = new AtomicInteger();

	private volatile List<URI> backends = List.of();

	private volatile AtomicIntegerArray forwarded = new AtomicIntegerArray(0);

	RoundRobinProxy() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::forward);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/**
	 * Where requests go, in turn.
	 * @param backends the base URLs of the instances
	 */
	void backends(List<URI> backends) {
		this.forwarded = new AtomicIntegerArray(backends.size());
		this.backends = List.copyOf(backends);
	}

	/**
	 * The proxy's URL for a path.
	 * @param path the path, such as {@code /pusher/webhooks}
	 * @return the URL
	 */
	URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
	}

	/**
	 * How many requests went to a backend.
	 * @param backend its index
	 * @return the count
	 */
	int forwardedTo(int backend) {
		return this.forwarded.get(backend);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void forward(HttpExchange exchange) throws IOException {
		try {
			byte[] body = new byte[0];
			int status = 503;
			List<URI> targets = this.backends;
			if (!targets.isEmpty()) {
				int index = Math.floorMod(this.next.getAndIncrement(), targets.size());
				try {
					HttpResponse<byte[]> response = this.client.send(request(exchange, targets.get(index)),
							HttpResponse.BodyHandlers.ofByteArray());
					this.forwarded.incrementAndGet(index);
					status = response.statusCode();
					body = response.body();
				}
				catch (IOException ex) {
					status = 502;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					status = 502;
				}
			}
			exchange.sendResponseHeaders(status, (body.length > 0) ? body.length : -1);
			if (body.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		}
		finally {
			exchange.close();
		}
	}

	private static HttpRequest request(HttpExchange exchange, URI backend) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(backend.resolve(exchange.getRequestURI().toString()))
			.timeout(Duration.ofSeconds(10))
			.method(exchange.getRequestMethod(),
					HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
		for (String header : FORWARDED) {
			String value = exchange.getRequestHeaders().getFirst(header);
			if (value != null) {
				request.header(header, value);
			}
		}
		return request.build();
	}

}
