package io.pusherspring.benchmarks.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the servlet and WebFlux auth benchmarks ask: the app's credentials, the 20 channel
 * patterns their authorizers hold, the one request every round sends, and the check that
 * an endpoint answers it with the signature Pusher's documented algorithm gives, computed
 * here independently.
 */
public final class AuthScenario {

	/** The app id. */
	public static final String APP_ID = "3";

	/** The app key. */
	public static final String KEY = "278d425bdf160c739803";

	/** The app secret. */
	public static final String SECRET = "7ad3773142a6692b25b8";

	/** The socket id of every request. */
	public static final String SOCKET_ID = "1234.5678";

	/** The domains of the 20 channel patterns; requests go to the last one. */
	public static final List<String> DOMAINS = List.of("user", "class", "school", "course", "lesson", "quiz", "exam",
			"grade", "team", "club", "library", "office", "staff", "parent", "notice", "event", "trip", "room",
			"device", "agent");

	/** The channel every request asks for: matched by the pattern searched last. */
	public static final String CHANNEL = "private-agent-3f2b8c1e-9d4a-4e7b-8f6a-2c1d0e9b7a65";

	/** The form every request posts. */
	public static final String FORM = "socket_id=" + SOCKET_ID + "&channel_name="
			+ URLEncoder.encode(CHANNEL, StandardCharsets.UTF_8);

	private static final Pattern AUTH_FIELD = Pattern.compile("\"auth\"\\s*:\\s*\"([^\"]*)\"");

	private AuthScenario() {
	}

	/**
	 * The text before {@code {id}} in a domain's channel pattern: the last domain's
	 * pattern, {@code private-{id}}, matches every private channel, so the endpoints must
	 * prefer the more specific patterns and reach it last.
	 * @param domain one of {@link #DOMAINS}
	 * @return such as {@code private-user-}
	 */
	public static String channelPrefix(String domain) {
		return domain.equals(DOMAINS.get(DOMAINS.size() - 1)) ? "private-" : "private-" + domain + "-";
	}

	/**
	 * Post the request once and check that the answer is the channel's signature.
	 * @param url the endpoint
	 * @throws Exception if it answers anything else, or cannot be reached
	 */
	public static void expectSignature(URI url) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(url)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(FORM))
				.build(), HttpResponse.BodyHandlers.ofString());
		Matcher auth = AUTH_FIELD.matcher(response.body());
		if (response.statusCode() != 200 || !auth.find() || !auth.group(1).equals(signature(SOCKET_ID, CHANNEL))) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + " " + response.body()
					+ " instead of the channel's signature");
		}
	}

	/**
	 * The {@code auth} field Pusher expects for a private channel.
	 * @param socketId the socket id
	 * @param channel the channel
	 * @return {@code key:hex(HMAC-SHA256(secret, socket_id:channel_name))}
	 */
	static String signature(String socketId, String channel) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((socketId + ":" + channel).getBytes(StandardCharsets.UTF_8));
			return KEY + ":" + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
