package io.pusherspring.autoconfigure;

import java.net.URI;

import io.pusherspring.core.PusherTransport;
import io.pusherspring.core.ScriptedTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link PusherClientSettings}: what a front end connects with, Pusher's cluster or the
 * host and port the application publishes to, never the secret, auto-configured from the
 * connection details.
 */
class PusherClientSettingsTests {

	private static final String[] CREDENTIALS = { "pusher.app-id=3", "pusher.key=app-key", "pusher.secret=app-secret" };

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAutoConfiguration.class));

	@ParameterizedTest
	@CsvSource({ "https://api-eu.pusher.com, eu, true", "https://api-mt1.pusher.com, mt1, true",
			"https://api-ap3.pusher.com:443, ap3, true", "http://api-us2.pusher.com, us2, false",
			"https://api.pusherapp.com, mt1, true" })
	void pushersOwnApiHostGivesTheCluster(String endpoint, String cluster, boolean tls) {
		assertThat(PusherClientSettings.from(connection(endpoint)))
			.isEqualTo(new PusherClientSettings("app-key", cluster, null, null, tls));
	}

	@ParameterizedTest
	@CsvSource({ "http://127.0.0.1:6001, 127.0.0.1, 6001, false",
			"https://soketi.example.com, soketi.example.com, 443, true",
			"http://soketi.internal, soketi.internal, 80, false",
			"https://ws.example.com:8443, ws.example.com, 8443, true",
			"https://api-eu.pusher.com.example.org, api-eu.pusher.com.example.org, 443, true",
			"https://api-a.b.pusher.com, api-a.b.pusher.com, 443, true" })
	void anyOtherHostIsWhereWebSocketsConnect(String endpoint, String host, int port, boolean tls) {
		assertThat(PusherClientSettings.from(connection(endpoint)))
			.isEqualTo(new PusherClientSettings("app-key", PusherClientSettings.SELF_HOSTED_CLUSTER, host, port, tls));
	}

	@Test
	void asJsonTheSettingsArePusherJsOptionsWithoutTheSecret() {
		String json = JsonMapper.shared()
			.writeValueAsString(PusherClientSettings.from(connection("http://127.0.0.1:6001")));
		assertThat(json).isEqualTo("{\"key\":\"app-key\",\"cluster\":\"self-hosted\",\"wsHost\":\"127.0.0.1\","
				+ "\"wsPort\":6001,\"forceTLS\":false}");
	}

	@Test
	void definesTheSettingsOfAPusherCluster() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.cluster=eu")
			.run((context) -> assertThat(context.getBean(PusherClientSettings.class))
				.isEqualTo(new PusherClientSettings("app-key", "eu", null, null, true)));
	}

	@Test
	void definesTheSettingsOfASelfHostedServer() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.host=soketi.internal", "pusher.port=6001", "pusher.scheme=http")
			.run((context) -> assertThat(context.getBean(PusherClientSettings.class))
				.isEqualTo(new PusherClientSettings("app-key", PusherClientSettings.SELF_HOSTED_CLUSTER,
						"soketi.internal", 6001, false)));
	}

	@Test
	void derivesTheSettingsFromAConnectionDetailsBean() {
		this.runner.withBean(PusherConnectionDetails.class, () -> connection("https://api-ap1.pusher.com"))
			.run((context) -> assertThat(context.getBean(PusherClientSettings.class))
				.isEqualTo(new PusherClientSettings("app-key", "ap1", null, null, true)));
	}

	@Test
	void anApplicationBeanReplacesTheSettings() {
		PusherClientSettings own = new PusherClientSettings("public-key", "eu", null, null, true);
		this.runner.withPropertyValues(CREDENTIALS)
			.withBean(PusherClientSettings.class, () -> own)
			.run((context) -> assertThat(context).getBean(PusherClientSettings.class).isSameAs(own));
	}

	@Test
	void anApplicationWithoutCredentialsStartsUntilItAsksForTheSettings() {
		this.runner.withBean(PusherTransport.class, ScriptedTransport::new).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(catchThrowable(() -> context.getBean(PusherClientSettings.class))).rootCause()
				.isInstanceOf(MissingPusherCredentialsException.class);
		});
	}

	@Test
	void aWebMvcSliceWithTheAuthEndpointsHasTheSettingsToo() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
							WebMvcAutoConfiguration.class, PusherAuthAutoConfiguration.class))
			.withPropertyValues(CREDENTIALS)
			.withPropertyValues("pusher.cluster=eu")
			.run((context) -> assertThat(context.getBean(PusherClientSettings.class))
				.isEqualTo(new PusherClientSettings("app-key", "eu", null, null, true)));
	}

	private static PusherConnectionDetails connection(String endpoint) {
		return new PusherConnectionDetails() {

			@Override
			public String getAppId() {
				return "app-id";
			}

			@Override
			public String getKey() {
				return "app-key";
			}

			@Override
			public String getSecret() {
				return "app-secret";
			}

			@Override
			public URI getEndpoint() {
				return URI.create(endpoint);
			}

		};
	}

}
