package io.pusherspring.integration.local;

import io.pusherspring.test.LocalPusherServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test kit's {@link LocalPusherServer} runs on plain Netty, so an application with
 * {@code spring-boot-starter-webmvc} and the test kit on its class path still runs on
 * Tomcat, and no Jetty or Reactor Netty comes with it.
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

	@Test
	void theTestKitBringsNoOtherWebServer() {
		assertThat(ClassUtils.isPresent("io.netty.channel.Channel", null)).isTrue();
		assertThat(ClassUtils.isPresent("org.eclipse.jetty.server.Server", null)).isFalse();
		assertThat(ClassUtils.isPresent("reactor.netty.http.server.HttpServer", null)).isFalse();
	}

}
