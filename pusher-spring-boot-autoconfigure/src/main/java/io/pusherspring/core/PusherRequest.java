package io.pusherspring.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One call to the Pusher HTTP API, before it is signed.
 *
 * @param method {@code GET} or {@code POST}
 * @param path the path below {@code /apps/{appId}}, such as {@code /events}
 * @param query the query parameters other than the authentication ones
 * @param body the JSON body of a {@code POST}, or {@code null}
 */
public record PusherRequest(String method, String path, Map<String, String> query, @Nullable String body) {

	/**
	 * Create a request, keeping an unmodifiable copy of the query parameters.
	 * @param method {@code GET} or {@code POST}
	 * @param path the path below {@code /apps/{appId}}
	 * @param query the query parameters other than the authentication ones
	 * @param body the JSON body of a {@code POST}, or {@code null}
	 */
	public PusherRequest {
		query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
	}

	/**
	 * A {@code GET} request.
	 * @param path the path below {@code /apps/{appId}}
	 * @param query the query parameters
	 * @return the request
	 */
	public static PusherRequest get(String path, Map<String, String> query) {
		return new PusherRequest("GET", path, query, null);
	}

	/**
	 * A {@code POST} request.
	 * @param path the path below {@code /apps/{appId}}
	 * @param body the JSON body
	 * @return the request
	 */
	public static PusherRequest post(String path, String body) {
		return new PusherRequest("POST", path, Map.of(), body);
	}

	/**
	 * A short description for messages, such as {@code POST /events}.
	 * @return the method and path
	 */
	public String describe() {
		return this.method + " " + this.path;
	}

}
