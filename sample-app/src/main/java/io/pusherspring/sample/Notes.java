package io.pusherspring.sample;

import java.time.Clock;

import io.pusherspring.event.PusherEvent;

import org.springframework.stereotype.Service;

/**
 * Sends private notes. The note itself goes on the student's end-to-end encrypted channel
 * (only the browser that holds the channel's shared secret can read it, Pusher cannot); a
 * notification without its text goes on their private channel.
 */
@Service
public class Notes {

	private final Clock clock = Clock.systemUTC();

	/**
	 * Send a note.
	 * @param userId the student
	 * @param from the teacher's name
	 * @param text the note
	 * @return the note as sent
	 */
	@PusherEvent(channels = "private-encrypted-user-#{#userId}", event = "note.sent")
	@PusherEvent(channels = "private-user-#{#userId}", event = "user.notification",
			data = "{title: 'Private note', text: #from + ' sent you a private note'}")
	public Note send(String userId, String from, String text) {
		return new Note(from, text, this.clock.instant());
	}

}
