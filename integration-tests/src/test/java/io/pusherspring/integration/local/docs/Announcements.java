package io.pusherspring.integration.local.docs;

import java.util.Map;

import io.pusherspring.core.PusherOperations;

import org.springframework.stereotype.Service;

/**
 * Posts announcements to a class's channel.
 */
@Service
public class Announcements {

	private final PusherOperations pusher;

	public Announcements(PusherOperations pusher) {
		this.pusher = pusher;
	}

	public void post(int classId, String text) {
		this.pusher.trigger("class-" + classId, "announcement.posted", Map.of("text", text));
	}

}
