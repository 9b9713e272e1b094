package io.pusherspring.integration.local;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.Channel;
import com.pusher.client.connection.ConnectionState;
import io.pusherspring.autoconfigure.PusherAutoConfiguration;
import io.pusherspring.autoconfigure.PusherClientSettings;
import io.pusherspring.autoconfigure.PusherConnectionDetails;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.test.FakePusherServer;
import io.pusherspring.test.LocalPusherServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auto-configured {@link PusherClientSettings} of an application that publishes to
 * one of the test kit's servers: the host and port the application publishes to, and with
 * them pusher-java-client connects to a {@link LocalPusherServer} and hears what the
 * application triggers.
 */
class ClientSettingsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static LocalPusherServer local = new LocalPusherServer();

	@RegisterExtension
	static FakePusherServer fake = new FakePusherServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAutoConfiguration.class));

	@Test
	void aClientConnectsToALocalPusherServerWithTheSettingsAndHearsWhatTheApplicationTriggers() {
		this.runner.withBean(PusherConnectionDetails.class, local::connectionDetails).run((context) -> {
			PusherClientSettings settings = context.getBean(PusherClientSettings.class);
			assertThat(settings).isEqualTo(new PusherClientSettings(local.getKey(),
					PusherClientSettings.SELF_HOSTED_CLUSTER, local.getHost(), local.getPort(), false));
			BlockingQueue<String> heard = new LinkedBlockingQueue<>();
			Pusher client = new Pusher(settings.key(),
					new PusherOptions().setCluster(settings.cluster())
						.setHost(settings.wsHost())
						.setWsPort(settings.wsPort())
						.setUseTLS(settings.forceTLS())
						.setMaxReconnectionAttempts(0));
			try {
				client.connect();
				Channel channel = client.subscribe("announcements");
				channel.bind("posted", (event) -> heard.add(event.getData()));
				await().atMost(TIMEOUT)
					.until(() -> client.getConnection().getState() == ConnectionState.CONNECTED
							&& channel.isSubscribed());
				context.getBean(PusherOperations.class).trigger("announcements", "posted", Map.of("text", "hi"));
				assertThat(heard.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("{\"text\":\"hi\"}");
			}
			finally {
				client.disconnect();
			}
		});
	}

	@Test
	void aFakePusherServerGivesItsHostAndPort() {
		this.runner.withBean(PusherConnectionDetails.class, fake::connectionDetails)
			.run((context) -> assertThat(context.getBean(PusherClientSettings.class))
				.isEqualTo(new PusherClientSettings(fake.getKey(), PusherClientSettings.SELF_HOSTED_CLUSTER,
						fake.getEndpoint().getHost(), fake.getPort(), false)));
	}

}
