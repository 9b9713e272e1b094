package io.pusherspring.integration.signout;

import java.net.http.HttpResponse;

import io.pusherspring.test.FakePusherServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pusher failing to terminate a user's connections does not fail their logout: it is one
 * warning, without the secret or a signature.
 */
@SpringBootTest(classes = SignOutApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "pusher.auth.user.terminate-connections-on-sign-out=true", "pusher.retry.max-retries=1",
				"pusher.retry.delay=1ms" })
@ExtendWith(OutputCaptureExtension.class)
class SignOutWhenPusherFailsTests {

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@LocalServerPort
	private int port;

	@Test
	void theLogoutSucceedsWithOneWarningWithoutSecrets(CapturedOutput output) throws Exception {
		Browser ada = new Browser(this.port, "JSESSIONID").signIn("ada");
		pusher.failNext(2, 503);
		HttpResponse<String> logout = ada.logOut();
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?logout"));
		assertThat(pusher.terminatedUsers()).isEmpty();
		assertThat(output.getOut().lines().filter((line) -> line.contains(" WARN "))).singleElement()
			.satisfies((line) -> assertThat(line)
				.contains("Could not terminate the Pusher connections of user account-ada on logout of ada")
				.contains("HTTP 503")
				.doesNotContain(pusher.getSecret())
				.doesNotContain("auth_signature"));
	}

}
