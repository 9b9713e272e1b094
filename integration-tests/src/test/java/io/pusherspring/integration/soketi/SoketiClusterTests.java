package io.pusherspring.integration.soketi;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.pusher.client.channel.PrivateChannel;
import com.pusher.client.connection.ConnectionState;
import io.pusherspring.core.ChannelInfo;
import io.pusherspring.integration.local.JavaClient;
import io.pusherspring.integration.soketi.TopologyLoad.Result;
import io.pusherspring.integration.soketi.TopologyLoad.Settings;
import io.pusherspring.webhook.MemberAdded;
import io.pusherspring.webhook.MemberRemoved;
import io.pusherspring.webhook.WebhookEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.pusherspring.integration.conformance.ServerEnvironment.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two soketi nodes joined by soketi's Redis adapter, and two instances of the
 * application: what one instance publishes through one node reaches clients on the other
 * node, presence members, users and client events are shared across nodes, and webhooks
 * from either node reach either instance.
 */
class SoketiClusterTests {

	private static final Duration QUIET = Duration.ofMillis(500);

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	/**
	 * The full load run, whose figures are stored in {@code integration-tests/results};
	 * every build runs a seconds-long smoke version.
	 */
	static final String LOAD_COMMAND = "./mvnw -B verify -pl integration-tests -am -Dtest='SoketiClusterTests#aBoundedLoad*' "
			+ "-Dsurefire.failIfNoSpecifiedTests=false -Dtopology.load=full";

	private static final int A = 0;

	private static final int B = 1;

	private static Topology topology;

	@BeforeAll
	static void startTopology() {
		topology = Topology.start();
	}

	@AfterAll
	static void stopTopology() {
		if (topology != null) {
			topology.close();
		}
	}

	@Test
	void aClientOnNodeBGetsWhatInstanceAPublishedThroughNodeA() {
		String channel = channel("private-room-");
		try (JavaClient onA = topology.javaClient("grace", A, A); JavaClient onB = topology.javaClient("ada", B, B)) {
			onA.subscribe(channel, "homework");
			onB.subscribe(channel, "homework");
			topology.operations(A).trigger(channel, "homework", Map.of("page", 1));
			assertThat(onB.next()).isEqualTo("homework on " + channel + ": {\"page\":1}");
			assertThat(onA.next()).isEqualTo("homework on " + channel + ": {\"page\":1}");
			topology.operations(B).trigger(channel, "homework", Map.of("page", 2));
			assertThat(onA.next()).isEqualTo("homework on " + channel + ": {\"page\":2}");
			assertThat(onB.next()).isEqualTo("homework on " + channel + ": {\"page\":2}");
		}
	}

	@Test
	void presenceMembersOnBothNodesAreSeenEverywhere() throws Exception {
		String channel = channel("presence-room-");
		try (JavaClient grace = topology.javaClient("grace", A, A)) {
			grace.subscribe(channel);
			try (JavaClient ada = topology.javaClient("ada", B, B)) {
				ada.subscribe(channel);
				assertThat(ada.members(channel)).containsExactly("ada", "grace");
				assertThat(grace.next()).isEqualTo("joined " + channel + ": ada {\"name\":\"Ada\"}");
				// a node counts by asking the others through Redis, and answers with what
				// it
				// has after soketi's requests timeout: ask again until both nodes
				// answered
				for (int instance : List.of(A, B)) {
					await().atMost(TIMEOUT)
						.untilAsserted(() -> assertThat(topology.operations(instance).users(channel))
							.containsExactlyInAnyOrder("ada", "grace"));
					await().atMost(TIMEOUT)
						.untilAsserted(() -> assertThat(
								topology.operations(instance).channel(channel, ChannelInfo.USER_COUNT).userCount())
							.isEqualTo(2));
				}
			}
			assertThat(grace.next()).isEqualTo("left " + channel + ": ada");
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(topology.operations(B).users(channel)).containsExactly("grace"));
		}
	}

	@Test
	void clientEventsCrossNodes() throws Exception {
		String channel = channel("presence-room-");
		try (JavaClient grace = topology.javaClient("grace", A, A); JavaClient ada = topology.javaClient("ada", B, B)) {
			grace.subscribe(channel, "client-raise-hand");
			ada.subscribe(channel, "client-raise-hand");
			grace.next();
			PrivateChannel room = ada.pusher().getPresenceChannel(channel);
			room.trigger("client-raise-hand", "{\"question\":\"May I?\"}");
			assertThat(grace.next())
				.isEqualTo("client-raise-hand on " + channel + ": {\"question\":\"May I?\"} from ada");
			ada.expectNothing(QUIET);
		}
	}

	@Test
	void whatIsSentToAUserAndTheirTerminationReachTheirConnectionsOnEitherNode() throws Exception {
		try (JavaClient adaOnA = topology.javaClient("ada", A, A);
				JavaClient adaOnB = topology.javaClient("ada", B, B);
				JavaClient alanOnB = topology.javaClient("alan", B, A)) {
			adaOnA.signIn("graded");
			adaOnB.signIn("graded");
			alanOnB.signIn("graded");
			topology.operations(A).sendToUser("ada", "graded", Map.of("score", 9));
			assertThat(adaOnA.next()).isEqualTo("graded on #server-to-user-ada: {\"score\":9}");
			assertThat(adaOnB.next()).isEqualTo("graded on #server-to-user-ada: {\"score\":9}");
			alanOnB.expectNothing(QUIET);
			topology.operations(A).terminateUserConnections("ada");
			adaOnA.awaitState(ConnectionState.DISCONNECTED);
			adaOnB.awaitState(ConnectionState.DISCONNECTED);
			assertThat(alanOnB.pusher().getConnection().getState()).isEqualTo(ConnectionState.CONNECTED);
		}
	}

	@Test
	void webhooksFromEitherNodeReachEitherInstanceVerified() {
		List<String> channels = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String channel = channel("presence-room-");
			channels.add(channel);
			try (JavaClient grace = topology.javaClient("grace", A, A);
					JavaClient ada = topology.javaClient("ada", B, B)) {
				grace.subscribe(channel);
				ada.subscribe(channel);
				assertThat(grace.next()).startsWith("joined");
				// one after the other, so that the last to leave is clear
				ada.pusher().unsubscribe(channel);
				assertThat(grace.next()).startsWith("left");
				grace.pusher().unsubscribe(channel);
			}
		}
		// a node decides on occupancy and membership by counting across nodes; a node
		// that
		// does not answer in time is left out of the count, and a webhook may come twice:
		// every one of them arrives at least once
		for (String channel : channels) {
			await().atMost(TIMEOUT).untilAsserted(() -> {
				assertThat(heardAbout(channel)).extracting(WebhookEvent::name)
					.contains("channel_occupied", "channel_vacated");
				assertThat(heardAbout(channel)).filteredOn(MemberAdded.class::isInstance)
					.extracting((event) -> ((MemberAdded) event).userId())
					.contains("grace", "ada");
				assertThat(heardAbout(channel)).filteredOn(MemberRemoved.class::isInstance)
					.extracting((event) -> ((MemberRemoved) event).userId())
					.contains("grace", "ada");
			});
		}
		// each delivery holds one event: the load balancer gave both instances some, and
		// each verified what it got
		assertThat(topology.webhookDeliveries(A)).isPositive();
		assertThat(topology.webhookDeliveries(B)).isPositive();
		assertThat(channels.stream().mapToInt((channel) -> topology.webhooks(A).about(channel).size()).sum())
			.isPositive();
		assertThat(channels.stream().mapToInt((channel) -> topology.webhooks(B).about(channel).size()).sum())
			.isPositive();
	}

	@Test
	void aBoundedLoadOnTwoNodesAndTwoInstancesLosesNothing() throws Exception {
		boolean full = "full".equals(System.getProperty("topology.load"));
		Settings settings = full ? Settings.full() : Settings.smoke();
		String loadBefore = TopologyLoadReport.loadAverage();
		Instant started = Instant.now();
		Result result = TopologyLoad.run(topology, settings);
		Duration took = Duration.between(started, Instant.now());
		String report = TopologyLoadReport.text(result, full ? LOAD_COMMAND : "./mvnw -B verify (smoke)",
				started.truncatedTo(ChronoUnit.SECONDS), took, loadBefore, TopologyLoadReport.loadAverage());
		System.out.println(report);
		Path directory = full ? Path.of("results") : Path.of("target", "topology-load");
		Files.createDirectories(directory);
		Files.writeString(directory.resolve("topology-load.txt"), report, StandardCharsets.UTF_8);
		Files.writeString(directory.resolve("topology-load.adoc"),
				TopologyLoadReport.asciidoc(result, full ? LOAD_COMMAND : "./mvnw -B verify (smoke)",
						started.truncatedTo(ChronoUnit.SECONDS), took, loadBefore, TopologyLoadReport.loadAverage()),
				StandardCharsets.UTF_8);
		assertThat(result.published()).isEqualTo(result.attempted());
		assertThat(result.lost()).as(report).isZero();
		assertThat(result.delivered()).isEqualTo(result.expected()).isPositive();
		assertThat(result.sameNode().size()).isPositive();
		assertThat(result.otherNode().size()).isPositive();
	}

	private static List<WebhookEvent> heardAbout(String channel) {
		List<WebhookEvent> heard = new ArrayList<>(topology.webhooks(A).about(channel));
		heard.addAll(topology.webhooks(B).about(channel));
		return heard;
	}

}
