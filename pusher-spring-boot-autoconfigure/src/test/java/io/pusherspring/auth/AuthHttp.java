package io.pusherspring.auth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A real HTTP client for {@link AuthOverHttpApplication}: each request carries the CSRF
 * cookie, and, by choice, the caller's HTTP Basic credentials and the CSRF header.
 */
final class AuthHttp {

	/** The status of a raw request whose connection was reset before any answer. */
	static final int RESET = 0;

	/** The CSRF token: the cookie's value, to be sent back as header or parameter. */
	static final String CSRF_TOKEN = "0c6a2f4e-9b1d-4e0a-8d3c-5f7e1a2b3c4d";

	private static final String BASIC = "Basic "
			+ Base64.getEncoder().encodeToString("ada:secret".getBytes(StandardCharsets.UTF_8));

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final int port;

	AuthHttp(int port) {
		this.port = port;
	}

	/**
	 * Send a request.
	 * @param method the method
	 * @param pathAndQuery the path, with a query string if any
	 * @param contentType the {@code Content-Type}, or {@code null} for none
	 * @param body the body
	 * @param signedIn whether to send the user's credentials
	 * @param csrfHeader whether to send the CSRF token as a header
	 * @param chunked whether to send the body without a {@code Content-Length}
	 * @return the response
	 */
	HttpResponse<byte[]> send(String method, String pathAndQuery, @Nullable String contentType, byte[] body,
			boolean signedIn, boolean csrfHeader, boolean chunked) throws IOException, InterruptedException {
		BodyPublisher publisher = (chunked) ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
				: BodyPublishers.ofByteArray(body);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + pathAndQuery))
			.method(method, publisher)
			.timeout(Duration.ofSeconds(30))
			.header("Cookie", "XSRF-TOKEN=" + CSRF_TOKEN);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (signedIn) {
			request.header("Authorization", BASIC);
		}
		if (csrfHeader) {
			request.header("X-XSRF-TOKEN", CSRF_TOKEN);
		}
		return this.client.send(request.build(), BodyHandlers.ofByteArray());
	}

	HttpResponse<byte[]> post(String path, @Nullable String contentType, String body)
			throws IOException, InterruptedException {
		return send("POST", path, contentType, body.getBytes(StandardCharsets.UTF_8), true, true, false);
	}

	/**
	 * Send a request over a plain socket, for what {@link URI} would not let through (a
	 * query string with bad percent-encoding).
	 * @return the status and the body
	 */
	RawResponse sendRaw(String method, String pathAndQuery, @Nullable String contentType, byte[] body, boolean signedIn,
			boolean csrfHeader) throws IOException {
		StringBuilder head = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.1\r\n");
		head.append("Host: 127.0.0.1:").append(this.port).append("\r\nConnection: close\r\n");
		head.append("Cookie: XSRF-TOKEN=").append(CSRF_TOKEN).append("\r\n");
		head.append("Content-Length: ").append(body.length).append("\r\n");
		if (contentType != null) {
			head.append("Content-Type: ").append(contentType).append("\r\n");
		}
		if (signedIn) {
			head.append("Authorization: ").append(BASIC).append("\r\n");
		}
		if (csrfHeader) {
			head.append("X-XSRF-TOKEN: ").append(CSRF_TOKEN).append("\r\n");
		}
		head.append("\r\n");
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			// one write, so that the server has the body before it answers and closes
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			request.writeBytes(body);
			out.write(request.toByteArray());
			out.flush();
			String response = readUntilClosed(socket.getInputStream());
			if (response.length() < 12) {
				// reset before the answer came: a server that closed with bytes unread
				return new RawResponse(RESET, "");
			}
			int status = Integer.parseInt(response.substring(9, 12));
			int headEnd = response.indexOf("\r\n\r\n");
			String headers = response.substring(0, headEnd);
			String content = response.substring(headEnd + 4);
			if (headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
				content = dechunk(content);
			}
			return new RawResponse(status, content);
		}
	}

	// one chunk, or the part of it that came before the connection was closed
	private static String dechunk(String content) {
		int start = content.indexOf("\r\n");
		if (start < 0) {
			return "";
		}
		int end = content.lastIndexOf("\r\n0\r\n");
		return content.substring(start + 2, (end > start) ? end : content.length());
	}

	private static String readUntilClosed(InputStream in) throws IOException {
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				read.write(buffer, 0, n);
			}
		}
		catch (SocketException ex) {
			// a reset after the answer, or before it (then nothing was read)
		}
		return read.toString(StandardCharsets.UTF_8);
	}

	static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	record RawResponse(int status, String body) {

	}

}
