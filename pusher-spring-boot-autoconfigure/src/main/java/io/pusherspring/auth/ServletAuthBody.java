package io.pusherspring.auth;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import io.pusherspring.auth.AuthRequestDecoding.Refusal;

/**
 * The body of a servlet request to an auth endpoint, read once, within the limit, and
 * decoded by {@link AuthRequestDecoder}. A {@code Content-Type} the endpoints do not read
 * or a declared length over the limit is refused before the body is read.
 *
 * @param bytes the body as read; empty if it was refused unread
 * @param decoding its fields, or the refusal
 */
record ServletAuthBody(byte[] bytes, AuthRequestDecoding decoding) {

	private static final byte[] UNREAD = new byte[0];

	static ServletAuthBody read(HttpServletRequest request) {
		String contentType = request.getContentType();
		Refusal refusal = AuthRequestDecoder.checkContentType(contentType);
		if (refusal != null) {
			return new ServletAuthBody(UNREAD, refusal);
		}
		if (request.getContentLengthLong() > AuthRequestDecoder.MAX_BODY_BYTES) {
			return new ServletAuthBody(UNREAD, AuthRequestDecoder.tooLarge());
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(AuthRequestDecoder.MAX_BODY_BYTES + 1);
		}
		catch (IOException ex) {
			return new ServletAuthBody(UNREAD, new Refusal(400, "Request body could not be read"));
		}
		return new ServletAuthBody(body, AuthRequestDecoder.decode(contentType, body));
	}

}
