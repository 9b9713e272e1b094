package io.pusherspring.integration.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.core.PusherRequest;
import io.pusherspring.core.PusherResponse;
import io.pusherspring.test.FakePusherServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The asynchronous exchange of {@link HttpPusherTransport} is a plain future that a
 * reactive caller can adapt as it is: cancelling it aborts the HTTP exchange and frees
 * its connection, here the only one the pool has.
 */
class AsyncExchangeCancellationTests {

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	@Test
	void cancellingTheFutureAbortsTheExchangeAndFreesItsConnection() throws Exception {
		HttpPusherTransport.Settings oneConnection = new HttpPusherTransport.Settings(Duration.ofSeconds(1),
				Duration.ofSeconds(30), 1);
		try (HttpPusherTransport transport = new HttpPusherTransport(
				new PusherCredentials(pusher.getAppId(), pusher.getKey(), pusher.getSecret()), pusher.getEndpoint(),
				oneConnection)) {
			pusher.answerNextLate(Duration.ofSeconds(25));
			CompletableFuture<PusherResponse> slow = transport.exchangeAsync(trigger("slow"));
			await().atMost(Duration.ofSeconds(10)).until(() -> pusher.requests().size() == 1);
			assertThat(slow.cancel(true)).isTrue();
			assertThat(transport.exchangeAsync(trigger("next"))).succeedsWithin(Duration.ofSeconds(10))
				.satisfies((response) -> assertThat(response.statusCode()).isEqualTo(200));
		}
	}

	private static PusherRequest trigger(String event) {
		return PusherRequest.post("/events", "{\"name\":\"" + event + "\",\"channels\":[\"orders\"],\"data\":\"{}\"}");
	}

}
