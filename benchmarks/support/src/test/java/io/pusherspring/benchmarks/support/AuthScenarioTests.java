package io.pusherspring.benchmarks.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class AuthScenarioTests {

	private final AtomicReference<String> answer = new AtomicReference<>();

	private final AtomicReference<String> received = new AtomicReference<>();

	private HttpServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/auth", (exchange) -> {
			this.received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] body = this.answer.get().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(body[0] == '{' ? 200 : 403, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void signsAsPushersDocumentedExample() {
		assertThat(AuthScenario.signature("1234.1234", "private-foobar"))
			.isEqualTo("278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4");
	}

	@Test
	void theLastPatternMatchesEveryPrivateChannel() {
		assertThat(AuthScenario.DOMAINS).hasSize(20).doesNotHaveDuplicates();
		assertThat(AuthScenario.channelPrefix("user")).isEqualTo("private-user-");
		assertThat(AuthScenario.channelPrefix("agent")).isEqualTo("private-");
		assertThat(AuthScenario.DOMAINS.subList(0, 19))
			.noneMatch((domain) -> AuthScenario.CHANNEL.startsWith(AuthScenario.channelPrefix(domain)));
	}

	@Test
	void acceptsTheChannelsSignature() {
		this.answer.set("{\"auth\":\"" + AuthScenario.signature(AuthScenario.SOCKET_ID, AuthScenario.CHANNEL) + "\"}");
		assertThatNoException().isThrownBy(() -> AuthScenario.expectSignature(url()));
		assertThat(this.received.get()).isEqualTo(AuthScenario.FORM)
			.isEqualTo("socket_id=1234.5678&channel_name=private-agent-3f2b8c1e-9d4a-4e7b-8f6a-2c1d0e9b7a65");
	}

	@Test
	void refusesAnotherSignature() {
		this.answer.set("{\"auth\":\"" + AuthScenario.signature("1.2", AuthScenario.CHANNEL) + "\"}");
		assertThatIllegalStateException().isThrownBy(() -> AuthScenario.expectSignature(url()))
			.withMessageContaining("instead of the channel's signature");
	}

	@Test
	void refusesARefusal() {
		this.answer.set("Forbidden");
		assertThatIllegalStateException().isThrownBy(() -> AuthScenario.expectSignature(url()))
			.withMessageContaining("answered 403 Forbidden");
	}

	private URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/auth");
	}

}
