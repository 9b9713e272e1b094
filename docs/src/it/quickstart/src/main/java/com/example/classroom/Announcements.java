package com.example.classroom;

import io.pusherspring.core.PusherOperations;

import org.springframework.stereotype.Service;

// tag::service[]
@Service
public class Announcements {

	private final PusherOperations pusher;

	public Announcements(PusherOperations pusher) {
		this.pusher = pusher;
	}

	public void post(long classId, String text) {
		this.pusher.trigger("class-" + classId, "announcement.posted", new Announcement(classId, text));
	}

}
// end::service[]
