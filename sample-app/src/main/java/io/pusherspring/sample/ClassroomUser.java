package io.pusherspring.sample;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A person in the demo classroom.
 *
 * @param id the user name they sign in with, also their id on Pusher channels
 * @param name their full name
 * @param role teacher or student
 */
public record ClassroomUser(String id, String name, Role role) {

	/**
	 * The avatar's initials: the first letter of each part of the name.
	 * @return the initials, such as {@code AL}
	 */
	@JsonProperty
	public String initials() {
		return Arrays.stream(this.name.split("\\s+"))
			.map((part) -> part.substring(0, 1).toUpperCase(Locale.ROOT))
			.collect(Collectors.joining());
	}

	/**
	 * What a user does in the classroom.
	 */
	public enum Role {

		/** Teaches, announces, runs live sessions, sees who is where. */
		TEACHER,

		/** Learns, asks for lessons, joins live sessions. */
		STUDENT

	}

}
