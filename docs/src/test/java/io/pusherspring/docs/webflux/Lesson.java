package io.pusherspring.docs.webflux;

/**
 * A lesson of a class.
 *
 * @param classId the class
 * @param title the title
 */
public record Lesson(long classId, String title) {

}
