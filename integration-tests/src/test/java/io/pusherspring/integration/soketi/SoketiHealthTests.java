package io.pusherspring.integration.soketi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.pusherspring.integration.servers.SoketiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code pusher} component of {@code /actuator/health} of an application pointed at
 * soketi: UP while soketi answers, DOWN once it stops.
 */
@SpringBootTest(classes = SoketiHealthTests.Application.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
				"management.endpoint.health.show-details=always", "management.health.pusher.cache.time-to-live=0" })
class SoketiHealthTests {

	@RegisterExtension
	static SoketiServer soketi = new SoketiServer();

	@DynamicPropertySource
	static void soketiProperties(DynamicPropertyRegistry registry) {
		soketi.registerProperties(registry);
	}

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void isUpWhileSoketiAnswersAndDownOnceItStops() throws Exception {
		int soketiPort = soketi.getPort();
		JsonNode up = pusherHealth();
		assertThat(up.at("/status").asString()).isEqualTo("UP");
		assertThat(up.at("/details/httpStatus").asInt()).isEqualTo(200);
		assertThat(up.at("/details/endpoint").asString()).isEqualTo("http://127.0.0.1:" + soketiPort);
		soketi.stop();
		JsonNode down = pusherHealth();
		assertThat(down.at("/status").asString()).isEqualTo("DOWN");
		assertThat(down.at("/details/reason").asString()).startsWith("Pusher could not be reached");
	}

	private JsonNode pusherHealth() throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health/pusher")).build(),
				HttpResponse.BodyHandlers.ofString());
		return JsonMapper.shared().readTree(response.body());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
