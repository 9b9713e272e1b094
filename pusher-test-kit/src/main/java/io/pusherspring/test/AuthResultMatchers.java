package io.pusherspring.test;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.pusherspring.test.assertion.JsonComparison;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * MockMvc matchers for auth endpoint answers; kept apart from {@link PusherSignatures} so
 * that the Servlet API is needed only when they are used.
 */
final class AuthResultMatchers {

	private AuthResultMatchers() {
	}

	static ResultMatcher channelAuthorization(PusherSignatures signatures) {
		return (result) -> {
			MockHttpServletRequest request = result.getRequest();
			String socketId = field(request, "socket_id");
			String channel = field(request, "channel_name");
			signatures.verifyChannelAuthorization(socketId, channel, successfulAnswer(result));
		};
	}

	static ResultMatcher userAuthentication(PusherSignatures signatures) {
		return (result) -> signatures.verifyUserAuthentication(field(result.getRequest(), "socket_id"),
				successfulAnswer(result));
	}

	private static String successfulAnswer(MvcResult result) throws Exception {
		MockHttpServletResponse response = result.getResponse();
		if (response.getStatus() < 200 || response.getStatus() >= 300) {
			throw new AssertionError("Expected a successful auth answer, but the status was " + response.getStatus());
		}
		return response.getContentAsString();
	}

	/**
	 * A form parameter, or a field of a JSON request body.
	 */
	private static String field(MockHttpServletRequest request, String name) throws Exception {
		String value = request.getParameter(name);
		if (value == null) {
			value = jsonField(request.getContentAsString(), name);
		}
		if (value == null) {
			throw new AssertionError("The request has no '" + name + "' to verify the answer against");
		}
		return value;
	}

	private static @Nullable String jsonField(@Nullable String body, String name) {
		JsonNode json = (body != null) ? JsonComparison.parse(body) : null;
		JsonNode value = (json != null) ? json.get(name) : null;
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

}
