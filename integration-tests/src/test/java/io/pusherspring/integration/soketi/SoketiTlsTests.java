package io.pusherspring.integration.soketi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Map;

import io.pusherspring.core.PusherOperations;
import io.pusherspring.health.PusherHealthIndicator;
import io.pusherspring.integration.conformance.ConformanceApplication;
import io.pusherspring.integration.local.NodeClient;
import io.pusherspring.integration.servers.SoketiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * soketi serving TLS with a self-signed certificate: the application trusts it through
 * the SSL bundle of the docs' {@code soketi-tls.properties}, and pusher-js connects over
 * {@code wss}, trusting it through Node's {@code NODE_EXTRA_CA_CERTS}.
 */
@SpringBootTest(classes = ConformanceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:io/pusherspring/integration/core/soketi-tls.properties")
class SoketiTlsTests {

	private static final Path CERTIFICATES = Path.of("target", "soketi-tls").toAbsolutePath();

	@RegisterExtension
	static SoketiServer soketi = new SoketiServer().tls(pem("certificate.pem", true), pem("private-key.pem", false));

	@DynamicPropertySource
	static void soketiProperties(DynamicPropertyRegistry registry) {
		// host, scheme and the bundle come from soketi-tls.properties
		registry.add("pusher.app-id", soketi::getAppId);
		registry.add("pusher.key", soketi::getKey);
		registry.add("pusher.secret", soketi::getSecret);
		registry.add("pusher.port", soketi::getPort);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private PusherOperations operations;

	@Autowired
	private PusherHealthIndicator health;

	@Test
	void theApplicationPublishesOverHttpsAndPusherJsReceivesOverWss() throws Exception {
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
		try (NodeClient js = NodeClient.start(Map.of("PUSHER_KEY", soketi.getKey(), "PUSHER_PORT",
				Integer.toString(soketi.getPort()), "PUSHER_TLS", "true", "PUSHER_HOST", "localhost",
				"NODE_EXTRA_CA_CERTS", Path.of("src/test/resources/soketi-ca.crt").toAbsolutePath().toString(),
				"APP_URL", "http://127.0.0.1:" + this.port, "APP_USER", "ada", "APP_PASSWORD",
				ConformanceApplication.PASSWORD, "CHANNELS", "news,private-room-tls"))) {
			js.next("connected");
			js.next("subscribed");
			js.next("subscribed");
			this.operations.trigger("private-room-tls", "posted", Map.of("text", "over TLS"));
			JsonNode posted = js.next("event");
			assertThat(posted.get("channel").asString()).isEqualTo("private-room-tls");
			assertThat(posted.at("/data/text").asString()).isEqualTo("over TLS");
		}
	}

	/**
	 * The certificate or private key of the tests' {@code soketi.p12}, as the PEM file
	 * soketi reads.
	 */
	private static Path pem(String name, boolean certificate) {
		try (InputStream in = SoketiTlsTests.class
			.getResourceAsStream("/io/pusherspring/integration/core/soketi.p12")) {
			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			keyStore.load(in, "changeit".toCharArray());
			byte[] encoded = certificate ? keyStore.getCertificate("soketi").getEncoded()
					: keyStore.getKey("soketi", "changeit".toCharArray()).getEncoded();
			String type = certificate ? "CERTIFICATE" : "PRIVATE KEY";
			String text = "-----BEGIN " + type + "-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(encoded)
					+ "\n-----END " + type + "-----\n";
			Files.createDirectories(CERTIFICATES);
			return Files.writeString(CERTIFICATES.resolve(name), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
