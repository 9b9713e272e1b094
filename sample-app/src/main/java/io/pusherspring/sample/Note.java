package io.pusherspring.sample;

import java.time.Instant;

/**
 * A teacher's private note to a student.
 *
 * @param from the teacher's name
 * @param text the note
 * @param sentAt when it was sent
 */
public record Note(String from, String text, Instant sentAt) {

}
