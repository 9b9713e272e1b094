package io.pusherspring.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.sun.net.httpserver.HttpServer;
import io.pusherspring.autoconfigure.PusherAutoConfiguration;
import io.pusherspring.autoconfigure.PusherConnectionDetails;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.test.simulator.PusherCrypto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link LocalPusherServer}'s life cycle, its HTTP API checks, its webhooks and its use
 * as a Spring bean.
 */
class LocalPusherServerTests {

	@Test
	void leavesNoThreadRunningAfterStop() throws Exception {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		LocalPusherServer server = new LocalPusherServer().start();
		try (TestWebSocket first = TestWebSocket.connect(server);
				TestWebSocket second = TestWebSocket.connect(server)) {
			first.subscribe("orders");
			first.next("pusher_internal:subscription_succeeded");
			second.subscribe("orders");
			second.next("pusher_internal:subscription_succeeded");
			server.stop();
			assertThat(first.closeCode()).isEqualTo(4200);
			assertThat(second.closeCode()).isEqualTo(4200);
		}
		Set<String> left = Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> !before.contains(thread) && thread.isAlive())
			.map(Thread::getName)
			.filter((name) -> !name.startsWith("HttpClient-"))
			.collect(Collectors.toSet());
		assertThat(left).isEmpty();
		assertThat(server.isRunning()).isFalse();
	}

	@Test
	void startsOnAFixedPortAndRestarts() {
		LocalPusherServer server = new LocalPusherServer().start();
		int port = server.getPort();
		server.stop();
		assertThatIllegalStateException().isThrownBy(server::getPort);
		server.port(port).start();
		try {
			assertThat(server.getPort()).isEqualTo(port);
			assertThat(server.getWebSocketUrl()).hasToString("ws://127.0.0.1:" + port + "/app/local-key");
		}
		finally {
			server.stop();
		}
	}

	@Test
	void checksHttpApiSignaturesLikeTheFakeServer() throws Exception {
		LocalPusherServer server = new LocalPusherServer("3", "key-3", "secret-3").start();
		try {
			String event = "{\"name\":\"created\",\"channels\":[\"orders\"],\"data\":\"{}\"}";
			HttpResponse<String> forged = SignedRequests.post(server, "/apps/3/events", event).secret("guess").send();
			assertThat(forged.statusCode()).isEqualTo(401);
			assertThat(forged.body()).doesNotContain("secret-3");
			HttpResponse<String> tooLarge = SignedRequests
				.post(server, "/apps/3/events",
						"{\"name\":\"big\",\"channels\":[\"orders\"],\"data\":\"" + "x".repeat(10 * 1024 + 1) + "\"}")
				.send();
			assertThat(tooLarge.statusCode()).isEqualTo(413);
			assertThat(SignedRequests.post(server, "/apps/3/events", event).send().statusCode()).isEqualTo(200);
			assertThat(server.recorder()).hasTriggeredTimes(1, "orders", "created");
			assertThat(server.requests()).extracting(ReceivedRequest::status).containsExactly(401, 413, 200);
			server.reset();
			assertThat(server.recorder()).hasNoEvents();
		}
		finally {
			server.stop();
		}
	}

	@Test
	void pingsAnIdleConnectionAndClosesItWithoutPong() {
		LocalPusherServer server = new LocalPusherServer().activityTimeout(Duration.ofSeconds(1)).start();
		try (TestWebSocket socket = TestWebSocket.connect(server)) {
			socket.next("pusher:ping");
			socket.send("{\"event\":\"pusher:pong\"}");
			socket.next("pusher:ping");
			assertThat(socket.closeCode()).isEqualTo(4201);
		}
		finally {
			server.stop();
		}
	}

	@Test
	void postsSignedBatchedWebhooks() throws Exception {
		BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/pusher/webhooks", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Pusher-Key"),
					exchange.getRequestHeaders().getFirst("X-Pusher-Signature"), body));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.start();
		LocalPusherServer server = new LocalPusherServer("1", "hook-key", "hook-secret");
		server.webhookUrl(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/pusher/webhooks"))
			.start();
		try (TestWebSocket socket = TestWebSocket.connect(server)) {
			String channel = "presence-room";
			String channelData = "{\"user_id\":\"ada\"}";
			socket.send("pusher:subscribe",
					Map.of("channel", channel, "channel_data", channelData, "auth", "hook-key:" + PusherCrypto
						.hmacSha256Hex("hook-secret", socket.socketId() + ":" + channel + ":" + channelData)));
			socket.next("pusher_internal:subscription_succeeded");
			Delivery joined = deliveries.poll(5, TimeUnit.SECONDS);
			assertThat(joined).isNotNull();
			assertThat(joined.key()).isEqualTo("hook-key");
			assertThat(joined.signature()).isEqualTo(PusherCrypto.hmacSha256Hex("hook-secret", joined.body()));
			JsonNode body = JsonMapper.shared().readTree(joined.body());
			assertThat(body.get("time_ms").asLong()).isPositive();
			assertThat(names(body)).containsExactly("channel_occupied", "member_added");
			assertThat(body.at("/events/1/user_id").stringValue()).isEqualTo("ada");
			socket.send("pusher:unsubscribe", Map.of("channel", channel));
			Delivery left = deliveries.poll(5, TimeUnit.SECONDS);
			assertThat(left).isNotNull();
			assertThat(names(JsonMapper.shared().readTree(left.body()))).containsExactly("member_removed",
					"channel_vacated");
		}
		finally {
			server.stop();
			receiver.stop(0);
		}
	}

	@Test
	void refusesWebhookUrlsItCannotPostTo() {
		LocalPusherServer server = new LocalPusherServer();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> server.webhookUrl(URI.create("https://example.com/hooks")));
		assertThatIllegalArgumentException().isThrownBy(() -> server.webhookUrl(URI.create("/pusher/webhooks")));
	}

	@Test
	void runsAsASpringBeanThatTheStarterPointsAt() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(LocalPusherServerAutoConfiguration.class, PusherAutoConfiguration.class))
			.withUserConfiguration(LocalPusherConfiguration.class)
			.run((context) -> {
				LocalPusherServer server = context.getBean(LocalPusherServer.class);
				assertThat(server.isRunning()).isTrue();
				try (TestWebSocket socket = TestWebSocket.connect(server)) {
					socket.subscribe("announcements");
					socket.next("pusher_internal:subscription_succeeded");
					context.getBean(PusherTemplate.class).trigger("announcements", "posted", Map.of("text", "hi"));
					assertThat(socket.next("posted").get("data").stringValue()).isEqualTo("{\"text\":\"hi\"}");
				}
				context.close();
				assertThat(server.isRunning()).isFalse();
			});
	}

	@Test
	void leavesTheStarterWithTheApplicationsOwnConnectionDetails() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(LocalPusherServerAutoConfiguration.class, PusherAutoConfiguration.class))
			.withUserConfiguration(LocalPusherConfiguration.class, OwnConnectionDetailsConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(PusherConnectionDetails.class);
				assertThat(context.getBean(PusherConnectionDetails.class).getKey()).isEqualTo("own-key");
			});
	}

	@Test
	void pointsNoApplicationAtAServerUnlessItIsABean() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(LocalPusherServerAutoConfiguration.class, PusherAutoConfiguration.class))
			.withPropertyValues("pusher.app-id=1", "pusher.key=app-key", "pusher.secret=app-secret")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(LocalPusherServerAutoConfiguration.class);
				assertThat(context.getBean(PusherConnectionDetails.class).getKey()).isEqualTo("app-key");
			});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void logsConnectionsSubscriptionsAndEventsWithoutSignatures(CapturedOutput output) throws Exception {
		Logger logger = (Logger) LoggerFactory.getLogger(LocalPusherServer.class);
		Level level = logger.getLevel();
		logger.setLevel(Level.DEBUG);
		LocalPusherServer server = new LocalPusherServer("1", "log-key", "log-secret").start();
		try (TestWebSocket socket = TestWebSocket.connect(server)) {
			String auth = "log-key:" + PusherCrypto.hmacSha256Hex("log-secret", socket.socketId() + ":private-logged");
			socket.subscribe("private-logged", auth);
			socket.next("pusher_internal:subscription_succeeded");
			String forged = "log-key:" + PusherCrypto.hmacSha256Hex("guess", socket.socketId() + ":private-other");
			socket.subscribe("private-other", forged);
			socket.next("pusher:subscription_error");
			String event = "{\"name\":\"created\",\"channels\":[\"private-logged\"],\"data\":\"{}\"}";
			HttpResponse<String> response = SignedRequests.post(server, "/apps/1/events", event).send();
			assertThat(response.statusCode()).isEqualTo(200);
			socket.next("created");
			assertThat(output).contains("Socket " + socket.socketId() + " connected")
				.contains("subscribed to private-logged")
				.contains("was refused private-other")
				.contains("Delivered event created on private-logged to 1 connection(s)")
				.contains("Answered 200 to POST /apps/1/events")
				.doesNotContain(auth.substring(8))
				.doesNotContain(forged.substring(8))
				.doesNotContain("log-secret")
				.doesNotContain("auth_signature");
		}
		finally {
			server.stop();
			logger.setLevel(level);
		}
	}

	@Test
	void neverShowsTheSecret() {
		LocalPusherServer server = new LocalPusherServer("1", "key", "very-secret");
		assertThat(server).hasToString("LocalPusherServer[stopped, appId=1, key=key, secret=******]");
		assertThat(server.connectionDetails().toString()).doesNotContain("very-secret");
	}

	private static List<String> names(JsonNode body) {
		return body.get("events").values().stream().map((event) -> event.get("name").stringValue()).toList();
	}

	record Delivery(String key, String signature, byte[] body) {

		@Override
		public String toString() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LocalPusherConfiguration {

		@Bean
		LocalPusherServer localPusherServer() {
			return new LocalPusherServer();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnConnectionDetailsConfiguration {

		@Bean
		PusherConnectionDetails pusherConnectionDetails() {
			return new PusherConnectionDetails() {

				@Override
				public String getAppId() {
					return "own-app";
				}

				@Override
				public String getKey() {
					return "own-key";
				}

				@Override
				public String getSecret() {
					return "own-secret";
				}

				@Override
				public URI getEndpoint() {
					return URI.create("http://127.0.0.1:1");
				}

			};
		}

	}

}
