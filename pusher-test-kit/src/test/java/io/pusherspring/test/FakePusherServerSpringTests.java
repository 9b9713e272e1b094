package io.pusherspring.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.pusherspring.autoconfigure.PusherAutoConfiguration;
import io.pusherspring.autoconfigure.PusherConnectionDetails;
import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FakePusherServer} wired into Spring Boot's auto-configuration, through
 * connection details or properties.
 */
class FakePusherServerSpringTests {

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer("42", "spring-key", "spring-secret");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PusherAutoConfiguration.class));

	@Test
	void connectionDetailsPointTheAutoConfiguredTemplateAtTheServer() {
		this.contextRunner.withBean(PusherConnectionDetails.class, pusher::connectionDetails).run((context) -> {
			assertThat(context).hasSingleBean(HttpPusherTransport.class);
			assertThat(context.getBean(HttpPusherTransport.class).getEndpoint()).isEqualTo(pusher.getEndpoint());
			context.getBean(PusherOperations.class).trigger("orders", "created", Map.of("id", 1));
		});
		assertThat(pusher.recorder().events()).singleElement()
			.satisfies((event) -> assertThat(event.channels()).containsExactly("orders"));
		assertThat(pusher.requests()).singleElement()
			.satisfies((request) -> assertThat(request.path()).isEqualTo("/apps/42/events"));
	}

	@Test
	void connectionDetailsCarryTheServersCredentials() {
		PusherConnectionDetails details = pusher.connectionDetails();
		assertThat(details.getAppId()).isEqualTo("42");
		assertThat(details.getKey()).isEqualTo("spring-key");
		assertThat(details.getSecret()).isEqualTo("spring-secret");
		assertThat(details.getEndpoint()).hasToString("http://localhost:" + pusher.getPort());
	}

	@Test
	void registeredPropertiesPointTheAutoConfiguredTemplateAtTheServer() {
		Map<String, Supplier<Object>> registered = new LinkedHashMap<>();
		pusher.registerProperties(registered::put);
		assertThat(registered).containsOnlyKeys("pusher.app-id", "pusher.key", "pusher.secret", "pusher.scheme",
				"pusher.host", "pusher.port");
		String[] properties = registered.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue().get())
			.toArray(String[]::new);
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context.getBean(HttpPusherTransport.class).getEndpoint()).isEqualTo(pusher.getEndpoint());
			context.getBean(PusherOperations.class).trigger("orders", "created", Map.of("id", 1));
		});
		assertThat(pusher.recorder().events()).hasSize(1);
	}

}
