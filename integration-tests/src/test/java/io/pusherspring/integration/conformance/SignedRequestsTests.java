package io.pusherspring.integration.conformance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SignedRequests} signs as Pusher's documentation does.
 */
class SignedRequestsTests {

	@Test
	void signsPushersDocumentedExample() {
		String query = SignedRequests.signedQuery("278d425bdf160c739803", "7ad3773142a6692b25b8", "POST",
				"/apps/3/events",
				"{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}", 1353088179);
		assertThat(query).isEqualTo("auth_key=278d425bdf160c739803&auth_timestamp=1353088179&auth_version=1.0"
				+ "&body_md5=ec365a775a4cd0599faeb73354201b6f"
				+ "&auth_signature=da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c");
	}

}
