package io.pusherspring.sample;

import java.time.Instant;

/**
 * A live session of the class that has started.
 *
 * @param sessionId the session
 * @param startedAt when it started
 */
public record LiveSession(long sessionId, Instant startedAt) {

}
