package io.pusherspring.auth;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What {@link AuthRequestDecoder} makes of the body of a request to an auth endpoint: its
 * fields, or a refusal.
 */
sealed interface AuthRequestDecoding permits AuthRequestDecoding.Fields, AuthRequestDecoding.Refusal {

	/**
	 * A body that decoded cleanly.
	 *
	 * @param socketId the {@code socket_id} field, {@code null} if absent
	 * @param channelName the {@code channel_name} field, {@code null} if absent
	 * @param formParameters every parameter of a form body, in order, each with its
	 * values; empty for a JSON body
	 */
	record Fields(@Nullable String socketId, @Nullable String channelName,
			Map<String, List<String>> formParameters) implements AuthRequestDecoding {

	}

	/**
	 * A request the endpoints refuse before reading its fields.
	 *
	 * @param status the HTTP status: 400, 413 or 415
	 * @param reason a short, fixed text for the caller and the log: it never quotes the
	 * request
	 */
	record Refusal(int status, String reason) implements AuthRequestDecoding {

	}

}
