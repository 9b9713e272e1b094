package io.pusherspring.integration.event;

/**
 * Content generated for a user.
 *
 * @param contentId the content's id
 * @param contentType lesson, quiz, ...
 */
public record GeneratedContent(long contentId, String contentType) {

}
