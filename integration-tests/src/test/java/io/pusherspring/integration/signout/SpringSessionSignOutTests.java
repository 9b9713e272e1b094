package io.pusherspring.integration.signout;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

import com.pusher.client.connection.ConnectionState;
import io.pusherspring.test.LocalPusherServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.events.SessionDeletedEvent;
import org.springframework.session.events.SessionExpiredEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring Session, whose repository publishes session events (as its Redis repository
 * does), a logout and an expiry reach the sign-out through Spring Session's adapter of
 * {@code HttpSessionListener} beans.
 */
@SpringBootTest(classes = { SignOutApplication.class, SpringSessionSignOutTests.EventPublishingSessions.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "pusher.auth.user.terminate-connections-on-sign-out=true")
class SpringSessionSignOutTests {

	@RegisterExtension
	static LocalPusherServer pusher = new LocalPusherServer();

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private EventPublishingSessionRepository sessions;

	@BeforeEach
	void forgetTerminatedUsers() {
		pusher.reset();
	}

	@Test
	void loggingOutTerminatesTheUsersConnectionsOnce() throws Exception {
		Browser ada = new Browser(this.port, "SESSION").signIn("ada");
		try (SignedInClient client = SignedInClient.signIn(ada, pusher, this.port)) {
			assertThat(ada.logOut().statusCode()).isEqualTo(302);
			client.awaitState(ConnectionState.DISCONNECTED);
			assertThat(pusher.terminatedUsers()).containsExactly("account-ada");
			assertThat(this.sessions.deleted).isOne();
		}
	}

	@Test
	void anExpiredSessionTerminatesTheConnectionsSignedInThroughIt() throws Exception {
		Browser ada = new Browser(this.port, "SESSION").signIn("ada");
		Browser alan = new Browser(this.port, "SESSION").signIn("alan");
		try (SignedInClient adaClient = SignedInClient.signIn(ada, pusher, this.port);
				SignedInClient alanClient = SignedInClient.signIn(alan, pusher, this.port)) {
			this.sessions.expire(new String(Base64.getDecoder().decode(ada.sessionId()), StandardCharsets.UTF_8));
			adaClient.awaitState(ConnectionState.DISCONNECTED);
			assertThat(pusher.terminatedUsers()).containsExactly("account-ada");
			assertThat(alanClient.state()).isEqualTo(ConnectionState.CONNECTED);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableSpringHttpSession
	static class EventPublishingSessions {

		@Bean
		EventPublishingSessionRepository sessionRepository(ApplicationEventPublisher events) {
			return new EventPublishingSessionRepository(events);
		}

	}

	/**
	 * Sessions in memory that, like Spring Session's Redis repository, publish their
	 * deletion and expiry.
	 */
	static class EventPublishingSessionRepository implements SessionRepository<MapSession> {

		private final MapSessionRepository sessions = new MapSessionRepository(new ConcurrentHashMap<>());

		private final ApplicationEventPublisher events;

		private volatile int deleted;

		EventPublishingSessionRepository(ApplicationEventPublisher events) {
			this.events = events;
		}

		@Override
		public MapSession createSession() {
			return this.sessions.createSession();
		}

		@Override
		public void save(MapSession session) {
			this.sessions.save(session);
		}

		@Override
		public MapSession findById(String id) {
			return this.sessions.findById(id);
		}

		@Override
		public void deleteById(String id) {
			MapSession session = this.sessions.findById(id);
			this.sessions.deleteById(id);
			if (session != null) {
				this.deleted++;
				this.events.publishEvent(new SessionDeletedEvent(this, session));
			}
		}

		void expire(String id) {
			MapSession session = this.sessions.findById(id);
			assertThat(session).as("session " + id).isNotNull();
			this.sessions.deleteById(id);
			this.events.publishEvent(new SessionExpiredEvent(this, session));
		}

	}

}
