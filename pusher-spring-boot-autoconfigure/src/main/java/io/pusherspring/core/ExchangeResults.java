package io.pusherspring.core;

import io.pusherspring.core.RequestSigner.SignedRequest;

/**
 * What an HTTP exchange of {@link HttpPusherTransport} gives its caller: an answer as it
 * arrived, an error answer with the request's signature removed from its body wherever it
 * appears, and an I/O failure as a {@link PusherConnectionException} that says whether
 * the request had been sent.
 */
final class ExchangeResults {

	private ExchangeResults() {
	}

	/**
	 * Error answers may echo the request, signature included, in any encoding.
	 */
	static PusherResponse answered(PusherResponse response, SignedRequest signed) {
		if (response.isSuccessful()) {
			return response;
		}
		return new PusherResponse(response.statusCode(), Redaction.scrub(response.body(), signed.signature()),
				response.retryAfter());
	}

	/**
	 * I/O messages name hosts and ports, not queries, but the cause is kept only when its
	 * text carries no signature, so nothing secret can reach a log.
	 * @param request the request, to describe it
	 * @param signed the request as sent, whose signature must not appear
	 * @param cause what the client failed with
	 * @param sent whether the client had started writing the request's body
	 */
	static PusherConnectionException unanswered(PusherRequest request, SignedRequest signed, Throwable cause,
			boolean sent) {
		String detail = (cause.getMessage() != null) ? cause.getMessage() : "";
		String scrubbed = Redaction.scrub(detail, signed.signature());
		String message = request.describe() + " did not complete: " + cause.getClass().getSimpleName()
				+ (scrubbed.isEmpty() ? "" : ": " + scrubbed)
				+ (sent ? " (after the request was sent: Pusher may have accepted it)" : " (nothing was sent)");
		return new PusherConnectionException(message, scrubbed.equals(detail.strip()) ? cause : null, sent);
	}

}
