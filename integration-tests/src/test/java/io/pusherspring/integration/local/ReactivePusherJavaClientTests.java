package io.pusherspring.integration.local;

import java.util.Map;

import io.pusherspring.test.LocalPusherServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pusher-java-client 2.4.4 against a {@link LocalPusherServer}, authorized by the
 * {@code /pusher/auth} and {@code /pusher/user-auth} endpoints of a Spring WebFlux
 * application whose {@code @PusherChannel} methods answer with a {@code Mono}.
 */
@SpringBootTest(classes = ReactiveLiveClassroomApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class ReactivePusherJavaClientTests extends PusherJavaClientTestSupport {

	@RegisterExtension
	static LocalPusherServer pusher = new LocalPusherServer();

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	ReactivePusherJavaClientTests() {
		super(pusher);
	}

	@Test
	void receivesEventsOnAPrivateChannelAMonoAuthorizes() {
		try (JavaClient ada = client("ada")) {
			ada.subscribe("private-class-7", "homework");
			this.operations.trigger("private-class-7", "homework", Map.of("page", 1));
			assertThat(ada.next()).isEqualTo("homework on private-class-7: {\"page\":1}");
		}
	}

	@Test
	void isNotSubscribedToAChannelAMonoDenies() throws Exception {
		try (JavaClient ada = client("ada")) {
			ada.startSubscribing("private-class-8", "homework");
			assertThat(ada.next()).startsWith("authentication failed");
			this.operations.trigger("private-class-8", "homework", Map.of("page", 1));
			ada.expectNothing(QUIET);
		}
	}

	@Test
	void joinsAPresenceRoomWithTheMemberAMonoGives() throws Exception {
		try (JavaClient grace = client("grace"); JavaClient ada = client("ada")) {
			grace.subscribe("presence-class-7");
			ada.subscribe("presence-class-7");
			assertThat(ada.members("presence-class-7")).containsExactly("ada", "grace");
			assertThat(grace.next()).isEqualTo("joined presence-class-7: ada {\"name\":\"ada\"}");
		}
	}

}
