package io.pusherspring.sample;

import java.time.Instant;

/**
 * A teacher's announcement to a class.
 *
 * @param classId the class
 * @param text what the teacher said
 * @param postedAt when it was posted
 */
public record Announcement(long classId, String text, Instant postedAt) {

}
