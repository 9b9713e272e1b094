package com.example.classroom;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherOperations;

import org.springframework.stereotype.Service;

/**
 * Publishes the classroom's notifications to Pusher.
 */
@Service
public class NotificationService {

	private final PusherOperations pusher;

	public NotificationService(PusherOperations pusher) {
		this.pusher = pusher;
	}

	/**
	 * Tell a user their content is ready.
	 * @param userId the user
	 * @param contentType the kind of content
	 */
	public void contentGenerated(String userId, String contentType) {
		this.pusher.trigger("private-user-" + userId, "content.generated", Map.of("contentType", contentType));
	}

	/**
	 * Tell a class a session started, except the teacher's own connection.
	 * @param classId the class
	 * @param teacherSocketId the socket that started it
	 */
	public void sessionStarted(String classId, String teacherSocketId) {
		this.pusher.trigger(PusherMessage.builder()
			.channel("presence-class-" + classId)
			.event("session.started")
			.data(Map.of("classId", classId))
			.excludeSocketId(teacherSocketId)
			.build());
	}

	/**
	 * Tell a class a session ended.
	 * @param classId the class
	 */
	public void sessionEnded(String classId) {
		this.pusher.trigger("presence-class-" + classId, "session.ended", Map.of("classId", classId));
	}

	/**
	 * Announce something on many channels.
	 * @param channels the channels
	 * @param message the announcement
	 */
	public void announce(List<String> channels, String message) {
		this.pusher.trigger(channels, "announcement", Map.of("message", message));
	}

	// tag::send-to-user[]
	/**
	 * Tell a user, on every connection, that they have a new message.
	 * @param userId the user
	 * @param count unread messages
	 */
	public void newMessage(String userId, int count) {
		this.pusher.sendToUser(userId, "message.new", Map.of("unread", count));
	}
	// end::send-to-user[]

	/**
	 * Tell a user their content is ready, from another thread a little later.
	 * @param userId the user
	 * @param contentType the kind of content
	 * @return completes once published
	 */
	public CompletableFuture<Void> contentGeneratedLater(String userId, String contentType) {
		return CompletableFuture.runAsync(() -> contentGenerated(userId, contentType),
				CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
	}

}
