package io.pusherspring.integration.event;

/**
 * A live session of a class.
 *
 * @param sessionId the session's id
 * @param classId the class's id
 */
public record LiveSession(long sessionId, long classId) {

}
