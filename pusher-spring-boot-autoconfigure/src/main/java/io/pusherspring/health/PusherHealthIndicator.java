package io.pusherspring.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherException;
import io.pusherspring.core.PusherRequest;
import io.pusherspring.core.PusherResponse;
import io.pusherspring.core.PusherTransport;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.Assert;

/**
 * The {@code pusher} component of the health endpoint: asks Pusher about one channel, a
 * cheap signed request, and keeps the answer for a while, so that frequent health checks
 * do not become frequent requests. The request goes straight through the
 * {@link PusherTransport}: it is not retried, and it is not observed as a template call.
 * <ul>
 * <li>{@code UP} when Pusher answered: 2xx, or 429 (the credentials are good; the app is
 * rate limited).</li>
 * <li>{@code DOWN} when Pusher refused the credentials (401) or the app (403, 404),
 * answered another error, or could not be reached; with the reason, never the secret, a
 * signature or Pusher's answer body.</li>
 * </ul>
 */
public class PusherHealthIndicator implements HealthIndicator {

	/** The channel asked about: any name works, and this one is never subscribed to. */
	public static final String PROBE_CHANNEL = "pusher-spring-boot-health";

	private static final PusherRequest PROBE = PusherRequest.get("/channels/" + PROBE_CHANNEL, Map.of());

	private final PusherTransport transport;

	private final Duration timeToLive;

	private final Clock clock;

	private volatile @Nullable Checked last;

	/**
	 * Create an indicator.
	 * @param transport the transport that the application publishes through
	 * @param timeToLive how long an answer is kept; zero to ask at every check
	 */
	public PusherHealthIndicator(PusherTransport transport, Duration timeToLive) {
		this(transport, timeToLive, Clock.systemUTC());
	}

	PusherHealthIndicator(PusherTransport transport, Duration timeToLive, Clock clock) {
		Assert.notNull(transport, "'transport' must not be null");
		Assert.isTrue(timeToLive != null && !timeToLive.isNegative(), "'timeToLive' must not be negative");
		this.transport = transport;
		this.timeToLive = timeToLive;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Checked last = this.last;
		if (last != null && last.isFresh(this.clock.instant())) {
			return last.health();
		}
		synchronized (this) {
			last = this.last;
			if (last != null && last.isFresh(this.clock.instant())) {
				return last.health();
			}
			Health health = check();
			this.last = new Checked(health, this.clock.instant().plus(this.timeToLive));
			return health;
		}
	}

	private Health check() {
		Instant checkedAt = this.clock.instant();
		Health.Builder builder;
		try {
			PusherResponse response = this.transport.exchange(PROBE);
			builder = answered(response.statusCode());
		}
		catch (PusherException ex) {
			builder = Health.down().withDetail("reason", "Pusher could not be reached: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			builder = Health.down().withDetail("reason", "the health check failed: " + ex.getClass().getName());
		}
		if (this.transport instanceof HttpPusherTransport http) {
			builder.withDetail("endpoint", http.getEndpoint().toString());
		}
		return builder.withDetail("checkedAt", checkedAt.toString()).build();
	}

	private static Health.Builder answered(int status) {
		Health.Builder builder;
		if ((status >= 200 && status < 300) || status == 429) {
			builder = Health.up();
		}
		else {
			builder = Health.down().withDetail("reason", reason(status));
		}
		return builder.withDetail("httpStatus", status);
	}

	private static String reason(int status) {
		return switch (status) {
			case 401 -> "Pusher rejected the credentials (HTTP 401): check pusher.key and pusher.secret";
			case 403 -> "Pusher refused the app (HTTP 403): it may be disabled or over its plan's limits";
			case 404 -> "Pusher does not know the app (HTTP 404): check pusher.app-id and pusher.cluster";
			default -> "Pusher answered HTTP " + status;
		};
	}

	@Override
	public String toString() {
		return "PusherHealthIndicator[transport=" + this.transport + ", timeToLive=" + this.timeToLive + "]";
	}

	private record Checked(Health health, Instant expires) {

		boolean isFresh(Instant now) {
			return now.isBefore(this.expires);
		}

	}

}
