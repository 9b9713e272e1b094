package io.pusherspring.integration.signout;

import java.net.http.HttpResponse;

import com.pusher.client.connection.ConnectionState;
import io.pusherspring.test.LocalPusherServer;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code pusher.auth.user.terminate-connections-on-sign-out}, a real logout and a
 * real session expiry in Tomcat end the user's connections to a
 * {@link LocalPusherServer}, named as the user authentication endpoint named them, and no
 * one else's.
 */
@SpringBootTest(classes = SignOutApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "pusher.auth.user.terminate-connections-on-sign-out=true")
class SignOutTests {

	@RegisterExtension
	static LocalPusherServer pusher = new LocalPusherServer();

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private ServletWebServerApplicationContext context;

	@Autowired
	private Bans bans;

	@BeforeEach
	void forgetTerminatedUsers() {
		pusher.reset();
	}

	@Test
	void loggingOutTerminatesTheUsersConnectionsOnce() throws Exception {
		Browser ada = new Browser(this.port, "JSESSIONID").signIn("ada");
		Browser alan = new Browser(this.port, "JSESSIONID").signIn("alan");
		try (SignedInClient adaClient = SignedInClient.signIn(ada, pusher, this.port);
				SignedInClient alanClient = SignedInClient.signIn(alan, pusher, this.port)) {
			assertThat(adaClient.userId()).isEqualTo("account-ada");
			HttpResponse<String> logout = ada.logOut();
			assertThat(logout.statusCode()).isEqualTo(302);
			assertThat(logout.headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?logout"));
			adaClient.awaitState(ConnectionState.DISCONNECTED);
			assertThat(adaClient.errors()).anySatisfy((error) -> assertThat(error).startsWith("4009"));
			assertThat(pusher.terminatedUsers()).containsExactly("account-ada");
			assertThat(alanClient.state()).isEqualTo(ConnectionState.CONNECTED);
		}
	}

	@Test
	void loggingOutWithoutAPusherSignInTerminatesTheResolvedUser() throws Exception {
		Browser ada = new Browser(this.port, "JSESSIONID").signIn("ada");
		assertThat(ada.logOut().statusCode()).isEqualTo(302);
		assertThat(pusher.terminatedUsers()).containsExactly("account-ada");
	}

	@Test
	void loggingOutWithoutBeingSignedInTerminatesNothing() throws Exception {
		Browser visitor = new Browser(this.port, "JSESSIONID");
		assertThat(visitor.logOut().statusCode()).isEqualTo(302);
		assertThat(pusher.terminatedUsers()).isEmpty();
	}

	@Test
	void anExpiredSessionTerminatesTheConnectionsSignedInThroughIt() throws Exception {
		Browser ada = new Browser(this.port, "JSESSIONID").signIn("ada");
		Browser alan = new Browser(this.port, "JSESSIONID").signIn("alan");
		try (SignedInClient adaClient = SignedInClient.signIn(ada, pusher, this.port);
				SignedInClient alanClient = SignedInClient.signIn(alan, pusher, this.port)) {
			// what Tomcat's background expiry does with a session past its timeout
			tomcatSession(ada.sessionId()).expire();
			adaClient.awaitState(ConnectionState.DISCONNECTED);
			assertThat(pusher.terminatedUsers()).containsExactly("account-ada");
			assertThat(alanClient.state()).isEqualTo(ConnectionState.CONNECTED);
		}
	}

	@Test
	void anExpiredSessionThatNeverSignedInToPusherTerminatesNothing() throws Exception {
		Browser ada = new Browser(this.port, "JSESSIONID").signIn("ada");
		tomcatSession(ada.sessionId()).expire();
		assertThat(pusher.terminatedUsers()).isEmpty();
	}

	@Test
	void aBannedUserIsDisconnectedAndRefusedTheNextSignIn() throws Exception {
		Browser mallory = new Browser(this.port, "JSESSIONID").signIn("mallory");
		try (SignedInClient client = SignedInClient.signIn(mallory, pusher, this.port)) {
			this.bans.ban("mallory");
			client.awaitState(ConnectionState.DISCONNECTED);
			assertThat(pusher.terminatedUsers()).containsExactly("account-mallory");
		}
		HttpResponse<String> signIn = mallory.post("/pusher/user-auth", "socket_id=1234.5678");
		assertThat(signIn.statusCode()).isEqualTo(403);
		assertThat(signIn.body()).doesNotContain("auth\"");
	}

	private Session tomcatSession(String id) throws Exception {
		TomcatWebServer server = (TomcatWebServer) this.context.getWebServer();
		Context webapp = (Context) server.getTomcat().getHost().findChildren()[0];
		Session session = webapp.getManager().findSession(id);
		assertThat(session).as("Tomcat's session " + id).isNotNull();
		return session;
	}

}
