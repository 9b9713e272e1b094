package io.pusherspring.benchmarks.local;

import java.net.URI;
import java.time.Duration;

import io.pusherspring.test.LocalPusherServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FanOutClientsTests {

	@Test
	void quietClientsAnswerPushersPingAndStayConnected() throws Exception {
		// after a second without a message from a client the server pings it, and closes
		// it
		// (4201) if no pong comes within another second
		LocalPusherServer server = new LocalPusherServer().activityTimeout(Duration.ofSeconds(1)).start();
		try (FanOutClients clients = FanOutClients.connect(
				URI.create("ws://127.0.0.1:" + server.getPort() + "/app/" + server.getKey() + "?protocol=7"), 5,
				"{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"fanout\"}}", "subscription_succeeded",
				new Latencies(16))) {
			assertThat(server.connectionCount()).isEqualTo(5);
			Thread.sleep(3_500);
			assertThat(server.connectionCount()).isEqualTo(5);
		}
		finally {
			server.stop();
		}
	}

}
