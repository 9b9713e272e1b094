package io.pusherspring.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * {@link FakePusherServer} as a JUnit 5 extension, proven by running fixture test classes
 * with the JUnit Platform launcher.
 */
class FakePusherServerExtensionTests {

	@Test
	void aStaticServerRunsForTheWholeClassAndIsResetBeforeEachTest() {
		TestExecutionSummary summary = run(StaticServer.class);
		assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
		assertThat(StaticServer.pusher.isRunning()).isFalse();
	}

	@Test
	void anInstanceServerRunsAroundEachTest() {
		InstanceServer.servers.clear();
		TestExecutionSummary summary = run(InstanceServer.class);
		assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
		assertThat(InstanceServer.servers).hasSize(2).doesNotHaveDuplicates();
		assertThat(InstanceServer.servers).noneMatch(FakePusherServer::isRunning);
	}

	@Test
	void aStaticServerKeepsRunningThroughNestedClasses() {
		TestExecutionSummary summary = run(OuterServer.class);
		assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
		assertThat(OuterServer.pusher.isRunning()).isFalse();
	}

	private static TestExecutionSummary run(Class<?> testClass) {
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create().execute(request().selectors(selectClass(testClass)).build(), listener);
		TestExecutionSummary summary = listener.getSummary();
		assertThat(summary.getFailures()).as("failures of %s", testClass.getSimpleName())
			.extracting(TestExecutionSummary.Failure::getException)
			.isEmpty();
		return summary;
	}

	private static void sendEvent(FakePusherServer server) throws Exception {
		String body = "{\"name\":\"e\",\"channels\":[\"c\"],\"data\":\"d\"}";
		assertThat(SignedRequests.post(server, "/apps/1000/events", body).send().statusCode()).isEqualTo(200);
	}

	@TestMethodOrder(MethodOrderer.MethodName.class)
	static class StaticServer {

		@RegisterExtension
		static FakePusherServer pusher = new FakePusherServer();

		static int port;

		@Test
		void first(FakePusherServer server, PusherRecorder recorder) throws Exception {
			assertThat(server).isSameAs(pusher);
			assertThat(recorder).isSameAs(pusher.recorder());
			assertThat(server.isRunning()).isTrue();
			port = server.getPort();
			sendEvent(server);
			server.stubChannel("presence-room", 1, "alice").delay(Duration.ofSeconds(1)).failNext(1, 500);
		}

		@Test
		void second(FakePusherServer server) throws Exception {
			assertThat(server.getPort()).isEqualTo(port);
			assertThat(server.recorder().events()).isEmpty();
			assertThat(server.requests()).isEmpty();
			Instant start = Instant.now();
			sendEvent(server);
			assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(1));
			assertThat(server.recorder().events()).hasSize(1);
		}

		@AfterAll
		static void stillRunningAfterTheLastTest() {
			assertThat(pusher.isRunning()).isTrue();
		}

	}

	static class InstanceServer {

		static final List<FakePusherServer> servers = new CopyOnWriteArrayList<>();

		@RegisterExtension
		FakePusherServer pusher = new FakePusherServer();

		@Test
		void one(PusherRecorder recorder) throws Exception {
			check(recorder);
		}

		@Test
		void two(PusherRecorder recorder) throws Exception {
			check(recorder);
		}

		private void check(PusherRecorder recorder) throws Exception {
			servers.add(this.pusher);
			assertThat(this.pusher.isRunning()).isTrue();
			assertThat(recorder).isSameAs(this.pusher.recorder());
			sendEvent(this.pusher);
			assertThat(recorder.events()).hasSize(1);
		}

	}

	static class OuterServer {

		@RegisterExtension
		static FakePusherServer pusher = new FakePusherServer();

		@Test
		void outer() throws Exception {
			sendEvent(pusher);
		}

		@AfterAll
		static void stillRunningAfterTheNestedClasses() {
			assertThat(pusher.isRunning()).isTrue();
		}

		@Nested
		class Inner {

			@Test
			void inner() throws Exception {
				assertThat(pusher.requests()).isEmpty();
				sendEvent(pusher);
			}

			@Test
			void innerAgain() throws Exception {
				assertThat(pusher.requests()).isEmpty();
				sendEvent(pusher);
			}

		}

	}

}
