package io.pusherspring.test;

import java.util.Map;

import io.pusherspring.autoconfigure.PusherAutoConfiguration;
import io.pusherspring.core.PusherOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @SpringBootTest} pointed at {@link FakePusherServer} by
 * {@code @DynamicPropertySource}.
 */
@SpringBootTest(classes = FakePusherServerDynamicPropertySourceTests.Config.class)
class FakePusherServerDynamicPropertySourceTests {

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@Autowired
	private PusherOperations pusherOperations;

	@Test
	void publishesToTheFakeServer(PusherRecorder recorder) {
		this.pusherOperations.trigger("orders", "created", Map.of("id", 7));
		assertThat(recorder.events()).singleElement()
			.satisfies((event) -> assertThat(event.dataAsMap()).isEqualTo(Map.of("id", 7)));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(PusherAutoConfiguration.class)
	static class Config {

	}

}
