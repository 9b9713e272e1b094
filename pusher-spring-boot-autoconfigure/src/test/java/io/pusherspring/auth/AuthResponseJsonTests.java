package io.pusherspring.auth;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AuthResponseJson}: what it writes is what a JSON library writes, and
 * reads back as the fields it was given, whatever the characters in them.
 */
class AuthResponseJsonTests {

	private static final JsonMapper json = JsonMapper.shared();

	@ParameterizedTest
	@ValueSource(strings = { "", "plain", "{\"user_id\":\"ada\",\"user_info\":{\"name\":\"Ada \\\"A\\\" L\"}}",
			"back\\slash", "line\nbreak\ttab\r", "\u0000\u001f\u007f", "caf\u00e9 \u4e2d\u6587 \ud83d\ude00",
			"</script>", "\u2028\u2029" })
	void writesWhatJacksonWrites(String value) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("auth", "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4");
		body.put("channel_data", value);
		AuthResponse response = new AuthResponse.Signed(body, null);
		byte[] written = AuthResponseJson.write(response);
		assertThat(json.readValue(written, Map.class)).isEqualTo(body);
		assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(json.writeValueAsString(body));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Use POST", "condition of 'private-\"x\"' not met" })
	void writesRefusalsAsOneErrorField(String error) {
		byte[] written = AuthResponseJson.write(AuthResponse.refused(403, error));
		assertThat(json.readValue(written, Map.class)).isEqualTo(Map.of("error", error));
	}

}
