package io.pusherspring.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.pusherspring.auth.AuthRequestDecoding.Fields;
import io.pusherspring.auth.AuthRequestDecoding.Refusal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the stack-neutral decoding of auth request bodies.
 */
class AuthRequestDecoderTests {

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final String JSON = "application/json";

	@Test
	void decodesWhatPusherJsSends() {
		Fields fields = fields(FORM, "socket_id=1234.5678&channel_name=private-user-42");
		assertThat(fields.socketId()).isEqualTo("1234.5678");
		assertThat(fields.channelName()).isEqualTo("private-user-42");
		assertThat(fields.formParameters()).containsOnlyKeys("socket_id", "channel_name");
	}

	@Test
	void decodesPercentEncodingPlusSignsAndUtf8() {
		Fields fields = fields(FORM, "socket_id=1.2&channel_name=private-a%2Cb&note=Zo%C3%AB+%2B+Ed&_csrf=t%3D");
		assertThat(fields.channelName()).isEqualTo("private-a,b");
		assertThat(fields.formParameters()).containsEntry("note", List.of("Zoë + Ed"))
			.containsEntry("_csrf", List.of("t="));
	}

	@Test
	void keepsEveryValueOfOtherParametersAndSkipsEmptyPairs() {
		Fields fields = fields(FORM, "&socket_id=1.2&&tag=a&tag=b&flag&");
		assertThat(fields.socketId()).isEqualTo("1.2");
		assertThat(fields.channelName()).isNull();
		assertThat(fields.formParameters()).containsEntry("tag", List.of("a", "b")).containsEntry("flag", List.of(""));
	}

	@Test
	void acceptsAFieldRepeatedWithTheSameValue() {
		assertThat(fields(FORM, "socket_id=1.2&channel_name=private-a&socket_id=1.2").socketId()).isEqualTo("1.2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "socket_id=1.2&channel_name=private-user-u1%2", "socket_id=%ZZ&channel_name=private-a",
			"socket_id=1.2%", "socket_id=1.2&channel_name=%", "socket_id=1.2&channel_name=private-%g1" })
	void refusesBadPercentEncoding(String body) {
		assertRefused(FORM, body, 400, "Malformed form body: invalid percent-encoding");
	}

	@ParameterizedTest
	@ValueSource(strings = { "socket_id=1.2&channel_name=private-a%C0%AF", "socket_id=1.2&channel_name=%E2%82",
			"socket_id=1.2&channel_name=%ED%A0%80", "socket_id=1.2&channel_name=%FF", "s%C3=1" })
	void refusesPercentEncodedBytesThatAreNotUtf8(String body) {
		assertRefused(FORM, body, 400, "Malformed form body: not valid UTF-8");
	}

	@Test
	void refusesRawBytesThatAreNotUtf8() {
		byte[] body = concat("socket_id=1.2&channel_name=private-a".getBytes(StandardCharsets.US_ASCII),
				new byte[] { (byte) 0xC3, '(' });
		assertThat(AuthRequestDecoder.decode(FORM, body))
			.isEqualTo(new Refusal(400, "Malformed form body: not valid UTF-8"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "socket_id=1.2&channel_name=private-a&=x", "=", "=&socket_id=1.2" })
	void refusesEmptyNames(String body) {
		assertRefused(FORM, body, 400, "Malformed form body: a parameter has an empty name");
	}

	@Test
	void refusesFieldsRepeatedWithDifferentValues() {
		assertRefused(FORM, "socket_id=1.2&channel_name=private-a&socket_id=3.4", 400,
				"Malformed form body: 'socket_id' is repeated with different values");
		assertRefused(FORM, "channel_name=private-a&socket_id=1.2&channel_name=private-b", 400,
				"Malformed form body: 'channel_name' is repeated with different values");
	}

	@Test
	void passesControlCharactersOnForTheFieldRules() {
		Fields fields = fields(FORM, "socket_id=1.2%00&channel_name=private-a%0D%0Ab");
		assertThat(fields.socketId()).isEqualTo("1.2\0");
		assertThat(fields.channelName()).isEqualTo("private-a\r\nb");
	}

	@Test
	void decodesJsonObjects() {
		Fields fields = fields("application/json;charset=UTF-8",
				"{\"socket_id\": \"1.2\", \"channel_name\": \"private-a\", \"extra\": [1, {}]}");
		assertThat(fields.socketId()).isEqualTo("1.2");
		assertThat(fields.channelName()).isEqualTo("private-a");
		assertThat(fields.formParameters()).isEmpty();
		assertThat(fields("application/vnd.pusher+json", "{\"socket_id\": null}").socketId()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "[\"1.2\"]", "1.2", "\"socket_id=1.2\"", "null", "true", "" })
	void refusesJsonThatIsNotAnObject(String body) {
		assertRefused(JSON, body, 400, "Request body must be a JSON object");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"socket_id\": ", "{\"socket_id\": \"1.2\"} {}", "{socket_id: \"1.2\"}",
			"{\"socket_id\": \"1.2\", \"socket_id\": \"3.4\"}", "{\"socket_id\": \"1.2\", \"socket_id\": \"1.2\"}" })
	void refusesInvalidJsonTrailingTokensAndRepeatedKeys(String body) {
		assertRefused(JSON, body, 400, "Request body is not valid JSON");
	}

	@Test
	void refusesJsonFieldsThatAreNotStrings() {
		assertRefused(JSON, "{\"socket_id\": 1.2}", 400, "'socket_id' must be a string");
		assertRefused(JSON, "{\"socket_id\": \"1.2\", \"channel_name\": [\"private-a\"]}", 400,
				"'channel_name' must be a string");
	}

	@Test
	void refusesJsonThatIsNotUtf8OrNotUnicode() {
		byte[] overlong = concat("{\"socket_id\": \"1.2\", \"channel_name\": \"private-a".getBytes(),
				new byte[] { (byte) 0xC0, (byte) 0xAF, '"', '}' });
		assertThat(AuthRequestDecoder.decode(JSON, overlong))
			.isEqualTo(new Refusal(400, "Request body is not valid UTF-8"));
		assertRefused(JSON, "{\"socket_id\": \"1.2\", \"channel_name\": \"private-\\ud800\"}", 400,
				"'channel_name' is not valid Unicode");
	}

	@ParameterizedTest
	@ValueSource(strings = { "multipart/form-data; boundary=x", "multipart/form-data", "text/plain",
			"text/plain;charset=UTF-8", "application/xml", "application/octet-stream", "*/*", "application/*",
			"application/x-www-form-urlencoded-not", "json", "", ";;", "application/json; charset=no-such-charset" })
	void refusesOtherContentTypesBeforeReadingTheBody(String contentType) {
		Refusal refusal = AuthRequestDecoder.checkContentType(contentType);
		assertThat(refusal).isNotNull();
		assertThat(refusal.status()).isEqualTo(415);
		assertThat(refusal.reason())
			.isEqualTo("Unsupported Content-Type: send application/x-www-form-urlencoded or application/json");
		assertThat(AuthRequestDecoder.decode(contentType, "socket_id=1.2".getBytes())).isEqualTo(refusal);
	}

	@ParameterizedTest
	@ValueSource(strings = { FORM, "Application/X-WWW-Form-Urlencoded",
			"application/x-www-form-urlencoded; charset=ISO-8859-1", JSON, "application/json; charset=utf-8",
			"application/ld+json" })
	void readsFormsAndJsonWhateverTheirCharsetParameter(String contentType) {
		assertThat(AuthRequestDecoder.checkContentType(contentType)).isNull();
	}

	@Test
	void readsAnEmptyBodyWithoutContentTypeAsNoFieldsAndRefusesAnyOther() {
		assertThat(AuthRequestDecoder.checkContentType(null)).isNull();
		assertThat(AuthRequestDecoder.decode(null, new byte[0])).isEqualTo(new Fields(null, null, Map.of()));
		assertRefused(null, "socket_id=1.2&channel_name=private-a", 415,
				"Missing Content-Type: send application/x-www-form-urlencoded or application/json");
	}

	@Test
	void refusesBodiesOverTheLimit() {
		String fits = "socket_id=1.2&channel_name=private-a&pad=" + "x".repeat(AuthRequestDecoder.MAX_BODY_BYTES - 41);
		assertThat(fits).hasSize(AuthRequestDecoder.MAX_BODY_BYTES);
		assertThat(fields(FORM, fits).socketId()).isEqualTo("1.2");
		assertRefused(FORM, fits + "x", 413, "Request body over 8192 bytes");
		assertRefused(JSON, "{\"socket_id\": \"" + "1".repeat(AuthRequestDecoder.MAX_BODY_BYTES) + "\"}", 413,
				"Request body over 8192 bytes");
	}

	@Test
	void neverQuotesTheRequestInARefusal() {
		String canary = "CANARY";
		for (String body : new String[] { "socket_id=" + canary + "%ZZ", canary + "=%C0%AF", "=" + canary,
				"socket_id=" + canary + "&socket_id=x" }) {
			assertThat(((Refusal) AuthRequestDecoder.decode(FORM, body.getBytes())).reason()).doesNotContain(canary);
		}
		for (String body : new String[] { "[\"" + canary + "\"]", "{\"" + canary + "\": ", "{\"socket_id\": 7}" }) {
			assertThat(((Refusal) AuthRequestDecoder.decode(JSON, body.getBytes())).reason()).doesNotContain(canary)
				.doesNotContain("7");
		}
	}

	private static Fields fields(String contentType, String body) {
		AuthRequestDecoding decoding = AuthRequestDecoder.decode(contentType, body.getBytes(StandardCharsets.UTF_8));
		assertThat(decoding).isInstanceOf(Fields.class);
		return (Fields) decoding;
	}

	private static void assertRefused(String contentType, String body, int status, String reason) {
		assertThat(AuthRequestDecoder.decode(contentType, body.getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(new Refusal(status, reason));
	}

	private static byte[] concat(byte[] first, byte[] second) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(first);
		out.writeBytes(second);
		return out.toByteArray();
	}

}
