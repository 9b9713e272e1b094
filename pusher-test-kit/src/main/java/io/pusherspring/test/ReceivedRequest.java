package io.pusherspring.test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One request {@link FakePusherServer} received, whatever it answered.
 *
 * @param method the HTTP method
 * @param path the request path, decoded, such as {@code /apps/1000/events}
 * @param query the query parameters, decoded, authentication ones included
 * @param body the request body, empty if there was none
 * @param status the status answered, or {@link #DROPPED} if the connection was dropped
 * without an answer
 * @author pusher-spring-boot
 */
public record ReceivedRequest(String method, String path, Map<String, String> query, String body, int status) {

	/** The {@link #status()} of a request whose connection was dropped. */
	public static final int DROPPED = 0;

	public ReceivedRequest {
		query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
	}

	/**
	 * Whether the path is below {@code /apps/{appId}} and ends with the given suffix,
	 * such as {@code /events} or {@code /batch_events}.
	 * @param suffix the end of the path
	 * @return {@code true} if the path ends with it
	 */
	public boolean isTo(String suffix) {
		return this.path.startsWith("/apps/") && this.path.endsWith(suffix);
	}

	/**
	 * The method, path, query without the signature, and status; never the signature.
	 */
	@Override
	public String toString() {
		String parameters = this.query.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "="
					+ (SignatureVerifier.AUTH_SIGNATURE.equals(entry.getKey()) ? "[redacted]" : entry.getValue()))
			.collect(Collectors.joining("&"));
		return this.method + " " + this.path + (parameters.isEmpty() ? "" : "?" + parameters) + " -> "
				+ ((this.status != DROPPED) ? this.status : "dropped");
	}

}
