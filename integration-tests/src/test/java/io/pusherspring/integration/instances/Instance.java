package io.pusherspring.integration.instances;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One running instance of an application: its own Spring context and web server on a free
 * port, in this JVM. Several instances of one application class share nothing but what
 * their properties point them at.
 */
public final class Instance implements AutoCloseable {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String name;

	private final ConfigurableApplicationContext context;

	private Instance(String name, ConfigurableApplicationContext context) {
		this.name = name;
		this.context = context;
	}

	/**
	 * Start an instance.
	 * @param name its name, for messages
	 * @param properties its properties
	 * @param sources the application's configuration classes
	 * @return the running instance
	 */
	public static Instance start(String name, Map<String, ?> properties, Class<?>... sources) {
		Map<String, Object> all = new LinkedHashMap<>(properties);
		all.putIfAbsent("server.port", "0");
		all.put("spring.application.name", name);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(sources).properties(all).run();
		return new Instance(name, context);
	}

	public String name() {
		return this.name;
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port() + path);
	}

	/**
	 * Post a form as a user, with HTTP Basic authentication.
	 */
	public HttpResponse<String> postForm(String path, String form, String user, String password)
			throws IOException, InterruptedException {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Post a body with headers.
	 */
	public HttpResponse<String> post(String path, Map<String, String> headers, byte[] body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Override
	public void close() {
		this.context.close();
	}

	@Override
	public String toString() {
		return "Instance[" + this.name + "]";
	}

}
