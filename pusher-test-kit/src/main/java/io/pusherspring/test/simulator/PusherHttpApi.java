package io.pusherspring.test.simulator;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pusherspring.test.simulator.PusherApiSimulator.Answer;

/**
 * The Pusher HTTP API behind a test kit server's port: it routes
 * {@code /apps/{appId}/...}, checks each request's authentication as Pusher does (401
 * otherwise), and leaves the rest to the {@link PusherApiSimulator}. Both servers of the
 * kit answer through it, so they check signatures and limits alike. Internal to the test
 * kit: public only so that its packages share it.
 */
public final class PusherHttpApi {

	private static final Pattern APP_PATH = Pattern.compile("/apps/([^/]+)(/.*)?");

	private final String appId;

	private final SignatureVerifier verifier;

	private final PusherApiSimulator simulator;

	/**
	 * Create the API of one app.
	 * @param appId the app id requests must address
	 * @param key the key requests must name
	 * @param secret the secret requests must be signed with
	 * @param clock the time that request timestamps must be close to
	 * @param simulator answers authentic requests
	 */
	public PusherHttpApi(String appId, String key, String secret, Clock clock, PusherApiSimulator simulator) {
		this.appId = appId;
		this.verifier = new SignatureVerifier(key, secret, clock);
		this.simulator = simulator;
	}

	/**
	 * The simulator that answers authentic requests.
	 * @return the simulator
	 */
	public PusherApiSimulator simulator() {
		return this.simulator;
	}

	/**
	 * Answer one request.
	 * @param request the request
	 * @return the answer
	 */
	public Answer answer(HttpApiRequest request) {
		if (request.malformed()) {
			return new Answer(400, "Malformed URL encoding");
		}
		Matcher app = APP_PATH.matcher(request.path());
		if (!app.matches()) {
			return new Answer(404, "Not found: " + request.path());
		}
		if (!this.appId.equals(app.group(1))) {
			return new Answer(404, "Unknown app id: " + app.group(1));
		}
		if (request.duplicateParameter() != null) {
			return new Answer(401, "Duplicate query parameter: " + request.duplicateParameter());
		}
		String rejection = this.verifier.rejection(request.method(), request.path(), request.query(), request.body());
		if (rejection != null) {
			return new Answer(401, rejection);
		}
		String below = (app.group(2) != null) ? app.group(2) : "";
		try {
			return this.simulator.handle(request.method(), below, request.query(),
					(request.body().length > 0) ? request.text() : null);
		}
		catch (RuntimeException ex) {
			return new Answer(500, "The server could not handle " + request.method() + " " + below + ": "
					+ ex.getClass().getSimpleName());
		}
	}

}
