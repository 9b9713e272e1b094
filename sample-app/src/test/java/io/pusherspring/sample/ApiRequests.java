package io.pusherspring.sample;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Requests to the classroom's API, for MockMvc.
 */
final class ApiRequests {

	private ApiRequests() {
	}

	/**
	 * A POST with a JSON body; the caller adds who sends it, and a CSRF token for a
	 * browser's session.
	 * @param path the path
	 * @param json the body
	 * @return the request
	 */
	static MockHttpServletRequestBuilder postJson(String path, String json) {
		return post(path).contentType(MediaType.APPLICATION_JSON).content(json);
	}

}
