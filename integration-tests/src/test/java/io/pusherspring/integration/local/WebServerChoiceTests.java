package io.pusherspring.integration.local;

import io.pusherspring.test.LocalPusherServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test kit's {@link LocalPusherServer} runs on plain Netty, so an application with
 * {@code spring-boot-starter-webmvc} and the test kit on its class path still runs on
 * Tomcat, although this module also has Reactor Netty for its WebFlux tests. That the
 * test kit brings no other web server is checked where nothing else brings one: the
 * sample's {@code StarterClassPathTests}.
 */
@SpringBootTest(classes = LiveClassroomApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "pusher.app-id=1", "pusher.key=key", "pusher.secret=secret" })
class WebServerChoiceTests {

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void theApplicationStillRunsOnTomcat() {
		assertThat(this.context.getWebServer()).isInstanceOf(TomcatWebServer.class);
	}

}
