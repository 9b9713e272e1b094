package io.pusherspring.integration.operating;

import io.pusherspring.integration.operating.Actuator.Answer;
import io.pusherspring.test.FakePusherServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code pusher} component of {@code /actuator/health} is UP when Pusher answers a
 * signed request, here {@link FakePusherServer}, which checks signatures as Pusher does.
 */
@SpringBootTest(classes = PusherHealthUpTests.Application.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
				"management.endpoint.health.show-details=always", "management.health.pusher.cache.time-to-live=1h" })
class PusherHealthUpTests {

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@LocalServerPort
	private int port;

	@Test
	void isUpWhenPusherAcceptsTheSignedRequestAndAsksOncePerTimeToLive() throws Exception {
		Answer health = Actuator.get(this.port, "/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().at("/components/pusher/status").stringValue()).isEqualTo("UP");
		assertThat(health.json().at("/components/pusher/details/httpStatus").intValue()).isEqualTo(200);
		assertThat(health.json().at("/components/pusher/details/endpoint").stringValue())
			.isEqualTo("http://localhost:" + pusher.getPort());
		assertThat(Actuator.get(this.port, "/actuator/health/pusher").json().at("/status").stringValue())
			.isEqualTo("UP");
		assertThat(pusher.requests()).singleElement()
			.satisfies((request) -> assertThat(request.path()).endsWith("/channels/pusher-spring-boot-health"));
		assertThat(pusher.recorder().events()).isEmpty();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
