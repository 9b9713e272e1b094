package io.pusherspring.integration.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.pusherspring.test.PusherRequests;
import io.pusherspring.test.PusherWebhookRequestBuilder;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of 1,200 forged and mutated webhook deliveries, posted over real HTTP: none is
 * accepted, and none makes the server fail.
 */
@SpringBootTest(classes = WebhookApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "logging.level.io.pusherspring.webhook=error")
@RecordPusherEvents
class WebhookCorpusTests {

	private static final String KEY = "test-key";

	private static final String SECRET = "test-secret";

	private static final int CASES = 1200;

	private static final int IN_FLIGHT = 16;

	private static final HexFormat HEX = HexFormat.of();

	private static final JsonMapper json = JsonMapper.shared();

	private final Random random = new Random(20260301);

	@LocalServerPort
	private int port;

	@Autowired
	private RecordedWebhookEvents listener;

	@Test
	void acceptsNoneOfThousandsOfForgedOrMutatedDeliveriesAndNeverFails() throws Exception {
		this.listener.clear();
		List<Forgery> corpus = corpus();
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(1000);
		WebhookHttp http = new WebhookHttp(this.port);
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (int start = 0; start < corpus.size(); start += IN_FLIGHT) {
			List<Forgery> batch = corpus.subList(start, Math.min(start + IN_FLIGHT, corpus.size()));
			List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
			for (Forgery forgery : batch) {
				answers.add(http.sendAsync(forgery.method(), "/pusher/webhooks", forgery.headers(), forgery.body()));
			}
			for (int i = 0; i < batch.size(); i++) {
				int status = answers.get(i).get().statusCode();
				assertThat(status).as(batch.get(i).description()).isBetween(400, 499);
				statuses.merge(status, 1, Integer::sum);
			}
		}
		assertThat(this.listener.events()).isEmpty();
		assertThat(statuses).containsOnlyKeys(400, 401, 405);
		assertThat(http.send(PusherRequests.webhook().memberAdded("presence-class-7", "42")).statusCode())
			.as("a genuine delivery after the corpus")
			.isEqualTo(200);
	}

	private List<Forgery> corpus() {
		List<Function<Delivery, Forgery>> kinds = List.of(this::bodyBitFlipped, this::bodyByteReplaced,
				this::bodyByteInserted, this::bodyByteDeleted, this::bodyTruncated, this::bodyExtended,
				this::bodyReformatted, this::bodyOfAnotherDelivery, this::timeChanged, this::channelChanged,
				this::signatureDigitChanged, this::signatureResized, this::signatureMissingOrEmpty,
				this::signatureRandom, this::signatureNotHex, this::signedWithAnotherSecret, this::signedAsBase64,
				this::unkeyedDigest, this::signedWithTheKeyAsSecret, this::signedOverOtherBytes,
				this::keyMissingOrOther, this::otherAppsKeyAndSignature, this::otherMethod, this::replayed,
				this::fromTheFuture, this::signedGarbage, this::signedJsonWithoutWebhookFields);
		List<Forgery> corpus = new ArrayList<>(CASES);
		for (int i = 0; i < CASES; i++) {
			corpus.add(kinds.get(i % kinds.size()).apply(genuine(Instant.now())));
		}
		return corpus;
	}

	// Bodies changed after signing: the signature no longer covers them.

	private Forgery bodyBitFlipped(Delivery delivery) {
		byte[] body = delivery.body().clone();
		int at = this.random.nextInt(body.length);
		body[at] ^= (byte) (1 << this.random.nextInt(8));
		return delivery.withBody("bit flipped at " + at, body);
	}

	private Forgery bodyByteReplaced(Delivery delivery) {
		byte[] body = delivery.body().clone();
		int at = this.random.nextInt(body.length);
		byte replacement;
		do {
			replacement = (byte) (32 + this.random.nextInt(95));
		}
		while (replacement == body[at]);
		body[at] = replacement;
		return delivery.withBody("byte replaced at " + at, body);
	}

	private Forgery bodyByteInserted(Delivery delivery) {
		String body = delivery.text();
		int at = this.random.nextInt(body.length() + 1);
		return delivery.withBody("byte inserted at " + at,
				body.substring(0, at) + (char) (32 + this.random.nextInt(95)) + body.substring(at));
	}

	private Forgery bodyByteDeleted(Delivery delivery) {
		String body = delivery.text();
		int at = this.random.nextInt(body.length());
		return delivery.withBody("byte deleted at " + at, body.substring(0, at) + body.substring(at + 1));
	}

	private Forgery bodyTruncated(Delivery delivery) {
		int length = this.random.nextInt(delivery.body().length);
		return delivery.withBody("truncated to " + length, delivery.text().substring(0, length));
	}

	private Forgery bodyExtended(Delivery delivery) {
		String[] suffixes = { " ", "\n", "}", ",", "\u0000", "{\"time_ms\":1}", "null" };
		String suffix = suffixes[this.random.nextInt(suffixes.length)];
		return delivery.withBody("extended", delivery.text() + suffix);
	}

	private Forgery bodyReformatted(Delivery delivery) {
		JsonNode tree = json.readTree(delivery.body());
		return delivery.withBody("same JSON, other bytes", tree.toPrettyString());
	}

	private Forgery bodyOfAnotherDelivery(Delivery delivery) {
		return delivery.withBody("another delivery's body",
				genuine(Instant.now().minusMillis(1 + this.random.nextInt(1000))).body());
	}

	private Forgery timeChanged(Delivery delivery) {
		String body = delivery.text()
			.replaceFirst("\"time_ms\":(\\d+)", "\"time_ms\":" + (delivery.timeMs() + 1 + this.random.nextInt(60000)));
		return delivery.withBody("time_ms moved", body);
	}

	private Forgery channelChanged(Delivery delivery) {
		return delivery.withBody("channel renamed", delivery.text().replaceFirst("\"channel\":\"", "\"channel\":\"x"));
	}

	// Signatures that are not the signature of the body under the key's secret.

	private Forgery signatureDigitChanged(Delivery delivery) {
		char[] signature = delivery.signature().toCharArray();
		int at = this.random.nextInt(signature.length);
		int digit = Character.digit(signature[at], 16);
		signature[at] = Character.forDigit((digit + 1 + this.random.nextInt(15)) % 16, 16);
		return delivery.withSignature("signature digit changed at " + at, new String(signature));
	}

	private Forgery signatureResized(Delivery delivery) {
		String signature = delivery.signature();
		String[] resized = { signature.substring(1), signature.substring(0, 63), signature + "0", signature + signature,
				signature.substring(0, 32) };
		return delivery.withSignature("signature resized", resized[this.random.nextInt(resized.length)]);
	}

	private Forgery signatureMissingOrEmpty(Delivery delivery) {
		return this.random.nextBoolean() ? delivery.withSignature("no signature", null)
				: delivery.withSignature("empty signature", "");
	}

	private Forgery signatureRandom(Delivery delivery) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return delivery.withSignature("random signature", HEX.formatHex(bytes));
	}

	private Forgery signatureNotHex(Delivery delivery) {
		String[] forms = { "sha256=" + delivery.signature(), delivery.signature().replace('a', 'g'),
				" " + delivery.signature().substring(1), "0x" + delivery.signature().substring(2),
				delivery.signature().substring(0, 62) + "zz" };
		String form = forms[this.random.nextInt(forms.length)];
		return delivery.withSignature("signature not hex: " + form.substring(0, 7),
				form.equals(delivery.signature()) ? "g" + form.substring(1) : form);
	}

	private Forgery signedWithAnotherSecret(Delivery delivery) {
		String secret = "secret-" + this.random.nextInt(1_000_000);
		return delivery.withSignature("signed with another secret", hmacHex(secret, delivery.body()));
	}

	private Forgery signedAsBase64(Delivery delivery) {
		return delivery.withSignature("base64 signature",
				Base64.getEncoder().encodeToString(HEX.parseHex(delivery.signature())));
	}

	private Forgery unkeyedDigest(Delivery delivery) {
		try {
			String algorithm = this.random.nextBoolean() ? "SHA-256" : "MD5";
			return delivery.withSignature("plain " + algorithm,
					HEX.formatHex(MessageDigest.getInstance(algorithm).digest(delivery.body())));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Forgery signedWithTheKeyAsSecret(Delivery delivery) {
		return delivery.withSignature("signed with the key", hmacHex(KEY, delivery.body()));
	}

	private Forgery signedOverOtherBytes(Delivery delivery) {
		String[] others = { "", delivery.text() + "\n", delivery.text().trim() + " ", delivery.text().toUpperCase() };
		return delivery.withSignature("signature of other bytes",
				hmacHex(SECRET, others[this.random.nextInt(others.length)].getBytes(StandardCharsets.UTF_8)));
	}

	// Keys that are not the app's.

	private Forgery keyMissingOrOther(Delivery delivery) {
		String[] keys = { null, "", "TEST-KEY", "test-key-2", "test", "278d425bdf160c739803" };
		String key = keys[this.random.nextInt(keys.length)];
		return new Forgery("key " + key, "POST", headers(key, delivery.signature()), delivery.body());
	}

	private Forgery otherAppsKeyAndSignature(Delivery delivery) {
		String secret = "other-secret-" + this.random.nextInt(1000);
		return new Forgery("another app's delivery", "POST", headers("other-key", hmacHex(secret, delivery.body())),
				delivery.body());
	}

	// Genuine signatures of deliveries that must still be refused.

	private Forgery otherMethod(Delivery delivery) {
		String[] methods = { "PUT", "PATCH", "DELETE" };
		String method = methods[this.random.nextInt(methods.length)];
		return new Forgery(method + " of a genuine delivery", method, headers(KEY, delivery.signature()),
				delivery.body());
	}

	private Forgery replayed(Delivery delivery) {
		Delivery old = genuine(Instant.now().minus(Duration.ofMinutes(5 + this.random.nextInt(600))).minusSeconds(1));
		return new Forgery("replayed", "POST", headers(KEY, old.signature()), old.body());
	}

	private Forgery fromTheFuture(Delivery delivery) {
		Delivery early = genuine(Instant.now().plus(Duration.ofMinutes(2 + this.random.nextInt(600))));
		return new Forgery("from the future", "POST", headers(KEY, early.signature()), early.body());
	}

	private Forgery signedGarbage(Delivery delivery) {
		byte[] garbage = new byte[1 + this.random.nextInt(512)];
		this.random.nextBytes(garbage);
		return signed("signed garbage", garbage);
	}

	private Forgery signedJsonWithoutWebhookFields(Delivery delivery) {
		String time = String.valueOf(delivery.timeMs());
		String[] bodies = { "{}", "[]", "null", "\"text\"", "{\"time_ms\":" + time + "}", "{\"events\":[]}",
				"{\"time_ms\":\"" + time + "\",\"events\":[]}", "{\"time_ms\":" + time + ",\"events\":{}}",
				"{\"time_ms\":" + time + ",\"events\":[{\"name\":\"member_added\",\"channel\":\"presence-a\"}]}",
				"{\"time_ms\":" + time + ",\"events\":[{\"channel\":\"private-a\"}]}",
				"{\"time_ms\":" + time + ",\"events\":[[]]}", "[".repeat(2000) + "]".repeat(2000),
				"{\"time_ms\":" + time + ",\"events\":[" + "{\"a\":".repeat(1500) + "1" + "}".repeat(1500) + "]}" };
		return signed("signed JSON that is not a webhook",
				bodies[this.random.nextInt(bodies.length)].getBytes(StandardCharsets.UTF_8));
	}

	private Forgery signed(String description, byte[] body) {
		return new Forgery(description, "POST", headers(KEY, hmacHex(SECRET, body)), body);
	}

	/**
	 * A genuine delivery, built and signed by the test kit, with a few random events.
	 */
	private Delivery genuine(Instant time) {
		PusherWebhookRequestBuilder webhook = PusherRequests.webhook().at(time);
		int events = 1 + this.random.nextInt(4);
		for (int i = 0; i < events; i++) {
			String id = String.valueOf(this.random.nextInt(1000));
			switch (this.random.nextInt(5)) {
				case 0 -> webhook.memberAdded("presence-class-" + id, id);
				case 1 -> webhook.channelVacated("private-user-" + id);
				case 2 ->
					webhook.clientEvent("private-class-" + id, "client-typing", Map.of("typing", true), "1." + id);
				case 3 -> webhook.subscriptionCount("class-" + id, this.random.nextInt(100));
				default -> webhook.cacheMiss("cache-class-" + id);
			}
		}
		var request = webhook.buildRequest(new MockServletContext());
		return new Delivery(request.getContentAsByteArray(), request.getHeader("X-Pusher-Signature"),
				time.toEpochMilli());
	}

	private static Map<String, String> headers(String key, String signature) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		if (key != null) {
			headers.put("X-Pusher-Key", key);
		}
		if (signature != null) {
			headers.put("X-Pusher-Signature", signature);
		}
		return headers;
	}

	private static String hmacHex(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HEX.formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Delivery(byte[] body, String signature, long timeMs) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		Forgery withBody(String description, String body) {
			return withBody(description, body.getBytes(StandardCharsets.UTF_8));
		}

		Forgery withBody(String description, byte[] body) {
			assertThat(body).as(description).isNotEqualTo(this.body);
			return new Forgery(description, "POST", headers(KEY, this.signature), body);
		}

		Forgery withSignature(String description, String signature) {
			assertThat(signature).as(description).isNotEqualToIgnoringCase(this.signature);
			return new Forgery(description, "POST", headers(KEY, signature), this.body);
		}

	}

	record Forgery(String description, String method, Map<String, String> headers, byte[] body) {

	}

}
