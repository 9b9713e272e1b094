package io.pusherspring.sample;

import java.time.Clock;

import io.pusherspring.core.PusherOperations;

import org.springframework.stereotype.Service;

/**
 * Posts announcements and broadcasts each one to the class's channel, or to everyone.
 */
@Service
public class Announcements {

	static final String EVENT = "announcement.posted";

	/** The demo's one class: its page shows the class's announcements. */
	static final long DEMO_CLASS = 1;

	/** The public channel every page listens to. */
	static final String EVERYONE = "public-announcements";

	private final PusherOperations pusher;

	private final Clock clock;

	Announcements(PusherOperations pusher) {
		this.pusher = pusher;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Post an announcement to a class.
	 * @param classId the class
	 * @param text the announcement
	 * @return the announcement as broadcast
	 */
	public Announcement post(long classId, String text) {
		Announcement announcement = new Announcement(classId, text, this.clock.instant());
		this.pusher.trigger(channel(classId), EVENT, announcement);
		return announcement;
	}

	/**
	 * Post an announcement to everyone.
	 * @param author the teacher's name
	 * @param text the announcement
	 * @return the announcement as broadcast
	 */
	public PublicAnnouncement postToEveryone(String author, String text) {
		PublicAnnouncement announcement = new PublicAnnouncement(author, text, this.clock.instant());
		this.pusher.trigger(EVERYONE, EVENT, announcement);
		return announcement;
	}

	static String channel(long classId) {
		return "class-" + classId;
	}

}
