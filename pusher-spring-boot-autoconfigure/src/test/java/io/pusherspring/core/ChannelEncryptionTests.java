package io.pusherspring.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ChannelEncryption}.
 */
class ChannelEncryptionTests {

	private static final byte[] MASTER_KEY = "This is a string that is 32 chars".substring(0, 32)
		.getBytes(StandardCharsets.US_ASCII);

	private final ChannelEncryption encryption = new ChannelEncryption(Base64.getEncoder().encodeToString(MASTER_KEY));

	@Test
	void sharedSecretIsSha256OfChannelNameAndMasterKey() throws Exception {
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		sha256.update("private-encrypted-grades".getBytes(StandardCharsets.UTF_8));
		sha256.update(MASTER_KEY);
		assertThat(this.encryption.sharedSecret("private-encrypted-grades"))
			.isEqualTo(Base64.getEncoder().encodeToString(sha256.digest()))
			.hasSize(44);
	}

	@Test
	void encryptedDataDecryptsWithTheSameChannelOnly() {
		String sealed = this.encryption.encrypt("private-encrypted-grades", "{\"grade\":\"A\"}");
		JsonNode node = JsonMapper.shared().readTree(sealed);
		assertThat(sealed).doesNotContain("grade");
		assertThat(this.encryption.decrypt("private-encrypted-grades", node.get("nonce").stringValue(),
				node.get("ciphertext").stringValue()))
			.isEqualTo("{\"grade\":\"A\"}");
		assertThat(this.encryption.sharedSecret("private-encrypted-other"))
			.isNotEqualTo(this.encryption.sharedSecret("private-encrypted-grades"));
	}

	@Test
	void rejectsKeysThatAreNot32Bytes() {
		String key = Base64.getEncoder().encodeToString(new byte[31]);
		assertThatIllegalArgumentException().isThrownBy(() -> new ChannelEncryption(key))
			.withMessageContaining("decodes to 31 bytes")
			.withMessageNotContaining(key);
	}

	@Test
	void rejectsKeysThatAreNotBase64() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ChannelEncryption("not base64 at all!"))
			.withMessageContaining("not valid base64")
			.withMessageNotContaining("not base64 at all!");
	}

	@Test
	void neverPrintsTheKey() {
		assertThat(this.encryption.toString()).doesNotContain(Base64.getEncoder().encodeToString(MASTER_KEY));
		assertThat(new PusherCredentials("3", "key", "top-secret").toString()).doesNotContain("top-secret");
	}

}
