package io.pusherspring.integration.local.docs;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.ChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import io.pusherspring.test.LocalPusherServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = AnnouncementsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LiveAnnouncementsTests {

	@RegisterExtension
	static LocalPusherServer pusher = new LocalPusherServer();

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@Autowired
	private Announcements announcements;

	@Test
	void aSubscribedClientReceivesTheAnnouncement() throws Exception {
		Pusher client = new Pusher(pusher.getKey(),
				new PusherOptions().setHost(pusher.getHost()).setWsPort(pusher.getPort()).setUseTLS(false));
		client.connect();
		CountDownLatch subscribed = new CountDownLatch(1);
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		client.subscribe("class-7", new ChannelEventListener() {

			@Override
			public void onSubscriptionSucceeded(String channel) {
				subscribed.countDown();
			}

			@Override
			public void onEvent(PusherEvent event) {
				received.add(event.getData());
			}

		}, "announcement.posted");
		try {
			assertThat(subscribed.await(10, TimeUnit.SECONDS)).isTrue();
			this.announcements.post(7, "Quiz at ten");
			assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("{\"text\":\"Quiz at ten\"}");
			assertThat(pusher.recorder()).hasTriggered("class-7", "announcement.posted");
		}
		finally {
			client.disconnect();
		}
	}

}
