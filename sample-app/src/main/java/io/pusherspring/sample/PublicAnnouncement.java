package io.pusherspring.sample;

import java.time.Instant;

/**
 * A teacher's announcement to everyone, on the public announcements channel.
 *
 * @param author the teacher's name
 * @param text what the teacher said
 * @param postedAt when it was posted
 */
public record PublicAnnouncement(String author, String text, Instant postedAt) {

}
