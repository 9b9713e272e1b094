package io.pusherspring.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.pusherspring.test.LocalPusherServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-up {@code spring-boot:test-run} uses: the application publishes over real HTTP
 * to the test kit's local Pusher server, and WebSocket clients receive it.
 */
@SpringBootTest(classes = { SampleApplication.class, TestSampleApplication.LocalPusherConfiguration.class })
class LocalPusherRunTests {

	@Autowired
	private LocalPusherServer localPusher;

	@Autowired
	private Announcements announcements;

	@Test
	void startupAnnouncementReachesTheLocalServer() {
		assertThat(this.localPusher.recorder()).hasTriggered("class-1", "announcement.posted");
	}

	@Test
	void announcementsReachSubscribedClients() throws Exception {
		BlockingQueue<String> messages = new LinkedBlockingQueue<>();
		WebSocket socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(URI.create(this.localPusher.getWebSocketUrl() + "?protocol=7"), new WebSocket.Listener() {

				@Override
				public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
					messages.add(data.toString());
					webSocket.request(1);
					return null;
				}

			})
			.join();
		try {
			assertThat(messages.poll(5, TimeUnit.SECONDS)).contains("pusher:connection_established");
			socket.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"class-3\"}}", true).join();
			assertThat(messages.poll(5, TimeUnit.SECONDS)).contains("pusher_internal:subscription_succeeded");
			this.announcements.post(3, "Lab moved to room 12");
			assertThat(messages.poll(5, TimeUnit.SECONDS)).contains("announcement.posted")
				.contains("Lab moved to room 12");
		}
		finally {
			socket.abort();
		}
	}

}
