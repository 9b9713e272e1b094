package io.pusherspring.sample;

import io.pusherspring.core.PusherException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Publishes one announcement when the application is ready, so a run shows at once that
 * publishing works. If Pusher cannot be reached the application runs on: realtime is a
 * feature, not a reason to be down.
 */
@Component
class StartupAnnouncement {

	private static final Log logger = LogFactory.getLog(StartupAnnouncement.class);

	private final Announcements announcements;

	StartupAnnouncement(Announcements announcements) {
		this.announcements = announcements;
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		try {
			Announcement announcement = this.announcements.post(Announcements.DEMO_CLASS,
					"Welcome to class " + Announcements.DEMO_CLASS);
			logger.info("Published " + Announcements.EVENT + " on " + Announcements.channel(announcement.classId()));
		}
		catch (PusherException ex) {
			logger.warn("Could not publish the welcome announcement, the application runs on: " + ex.getMessage());
		}
	}

}
