package io.pusherspring.sample;

import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says where the classroom page is and who can sign in, once the web server listens.
 */
@Component
class ClassroomStartupLog {

	private static final Log logger = LogFactory.getLog(ClassroomStartupLog.class);

	private final ClassroomUsers users;

	ClassroomStartupLog(ClassroomUsers users) {
		this.users = users;
	}

	@EventListener
	void webServerStarted(WebServerInitializedEvent event) {
		String demoUsers = this.users.all()
			.stream()
			.map((user) -> user.id() + " / " + SecurityConfiguration.demoPassword(user) + " (" + user.name() + ")")
			.collect(Collectors.joining(", "));
		logger.info("Classroom page: http://localhost:" + event.getWebServer().getPort() + "/ (sign in as " + demoUsers
				+ ")");
	}

}
