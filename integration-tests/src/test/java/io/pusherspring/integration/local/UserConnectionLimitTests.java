package io.pusherspring.integration.local;

import io.pusherspring.test.LocalPusherServer;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@link UserConnectionLimitScenarios user connection limit} in a Spring MVC
 * application.
 */
@SpringBootTest(classes = { LiveClassroomApplication.class, UserConnectionLimitScenarios.OwnChannels.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "pusher.auth.user.max-connections=2")
class UserConnectionLimitTests extends UserConnectionLimitScenarios {

	@RegisterExtension
	static LocalPusherServer pusher = new LocalPusherServer().subscriptionCounting(true);

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@Override
	LocalPusherServer pusher() {
		return pusher;
	}

}
