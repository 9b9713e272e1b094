package io.pusherspring.sample;

import org.jspecify.annotations.Nullable;

/**
 * A lesson a student asked their tutor agent for.
 *
 * @param id the lesson's id
 * @param userId the student
 * @param topic what it is about
 * @param percent how far the agent has got
 * @param content the lesson, once written
 */
public record Lesson(long id, String userId, String topic, int percent, @Nullable String content) {

}
