package io.pusherspring.integration.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.pusherspring.test.PusherWebhookRequestBuilder;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;

/**
 * Sends webhooks to a running application over real HTTP: the test kit's signed requests,
 * or raw ones.
 */
final class WebhookHttp {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	WebhookHttp(int port) {
		this.port = port;
	}

	/**
	 * Send a webhook built by the test kit, to the path it names.
	 */
	HttpResponse<String> send(PusherWebhookRequestBuilder webhook) throws IOException, InterruptedException {
		MockHttpServletRequest request = webhook.buildRequest(new MockServletContext());
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			if (!name.equalsIgnoreCase("Content-Length")) {
				headers.put(name, request.getHeader(name));
			}
		}
		return send(request.getMethod(), request.getRequestURI(), headers, request.getContentAsByteArray());
	}

	HttpResponse<String> send(String method, String path, Map<String, String> headers, byte[] body)
			throws IOException, InterruptedException {
		return client.send(request(method, path, headers, body), BodyHandlers.ofString());
	}

	CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, Map<String, String> headers,
			byte[] body) {
		return client.sendAsync(request(method, path, headers, body), BodyHandlers.ofString());
	}

	private HttpRequest request(String method, String path, Map<String, String> headers, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		return request.build();
	}

	/**
	 * Post a body of some size over a plain socket, as fast as the server reads it, and
	 * return the status line of the answer, which may come before the body is all sent.
	 * @param declareLength whether to send a {@code Content-Length}, else chunks
	 */
	String postLargeBody(String path, long size, boolean declareLength) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(20000);
			OutputStream out = socket.getOutputStream();
			String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
					+ "X-Pusher-Key: test-key\r\nX-Pusher-Signature: " + "0".repeat(64) + "\r\n"
					+ (declareLength ? "Content-Length: " + size : "Transfer-Encoding: chunked") + "\r\n\r\n";
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			Thread writer = new Thread(() -> writeBody(out, size, declareLength), "large-body-writer");
			writer.setDaemon(true);
			writer.start();
			return readLine(socket.getInputStream());
		}
	}

	private static void writeBody(OutputStream out, long size, boolean declareLength) {
		byte[] chunk = new byte[64 * 1024];
		java.util.Arrays.fill(chunk, (byte) ' ');
		try {
			for (long sent = 0; sent < size; sent += chunk.length) {
				int length = (int) Math.min(chunk.length, size - sent);
				if (!declareLength) {
					out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				}
				out.write(chunk, 0, length);
				if (!declareLength) {
					out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
				}
			}
			if (!declareLength) {
				out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.flush();
		}
		catch (IOException ex) {
			// the server answered and closed the connection before the body was all sent
		}
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

}
