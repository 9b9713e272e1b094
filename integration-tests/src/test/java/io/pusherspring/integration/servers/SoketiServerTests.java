package io.pusherspring.integration.servers;

import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link SoketiServer} runs a real soketi on free ports until it is stopped, and fails
 * with soketi's own words when soketi cannot start.
 */
class SoketiServerTests {

	@Test
	void runsARealSoketiUntilStopped() throws Exception {
		SoketiServer soketi = new SoketiServer().start();
		SoketiServer other = new SoketiServer().start();
		int port = soketi.getPort();
		Path directory = soketi.directory();
		assertThat(directory).isDirectory();
		assertThat(directory.resolve("soketi.json")).content().contains("\"port\" : " + port);
		HttpClient client = HttpClient.newHttpClient();
		try {
			assertThat(get(client, "http://127.0.0.1:" + port + "/").body()).isEqualTo("OK");
			assertThat(get(client, "http://127.0.0.1:" + soketi.getMetricsPort() + "/usage").body())
				.contains("\"memory\"");
			assertThat(List.of(other.getPort(), other.getMetricsPort())).doesNotContain(port, soketi.getMetricsPort());
			// soketi answers its HTTP API's errors with status 200 (a difference the
			// conformance tests pin): the body says what went wrong
			assertThat(get(client, "http://127.0.0.1:" + port + "/apps/soketi-app/channels").body())
				.contains("\"code\":401");
		}
		finally {
			soketi.stop();
			other.stop();
		}
		assertThat(soketi.isRunning()).isFalse();
		assertThatException().isThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close());
		assertThat(directory).doesNotExist();
	}

	@Test
	void failsWithSoketisLogWhenItCannotStart() {
		Path missing = Path.of("target", "no-such-certificate.pem");
		assertThat(missing).doesNotExist();
		SoketiServer soketi = new SoketiServer().tls(missing, missing);
		assertThatIllegalStateException().isThrownBy(soketi::start).withMessageContaining("soketi");
		assertThat(soketi.isRunning()).isFalse();
	}

	@Test
	void startsFromTheCommittedLockFile() throws Exception {
		SoketiInstallation.server();
		Path installed = Path.of("target", "soketi");
		assertThat(Files.readString(installed.resolve("package-lock.json")))
			.isEqualTo(Files.readString(Path.of("src", "test", "soketi", "package-lock.json")));
		String uws = Files.readString(installed.resolve(Path.of("node_modules", "uWebSockets.js", "package.json")));
		assertThat(uws).contains("\"name\": \"uwebsockets\"").contains("\"version\": \"3.0.6\"");
	}

	private static HttpResponse<String> get(HttpClient client, String uri) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
