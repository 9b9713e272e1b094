package io.pusherspring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that stands still until a test moves it on.
 */
public final class SettableClock extends Clock {

	private volatile Instant now;

	/**
	 * Create a clock that tells this time.
	 * @param now the time
	 */
	public SettableClock(Instant now) {
		this.now = now;
	}

	/**
	 * Move the clock on.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
