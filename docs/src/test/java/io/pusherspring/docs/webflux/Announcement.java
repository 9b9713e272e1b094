package io.pusherspring.docs.webflux;

/**
 * An announcement to a class.
 *
 * @param text what the teacher says
 */
public record Announcement(String text) {

}
