package io.pusherspring.auth;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON body of an {@link AuthResponse}, the same on both web stacks.
 */
final class AuthResponseJson {

	private static final JsonMapper json = JsonMapper.shared();

	private AuthResponseJson() {
	}

	static byte[] write(AuthResponse response) {
		return json.writeValueAsBytes(response.body());
	}

}
