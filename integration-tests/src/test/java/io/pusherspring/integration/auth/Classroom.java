package io.pusherspring.integration.auth;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The classroom domain of the tests: users, the classes they belong to, and live sessions
 * of those classes. Class and session ids are UUIDs, so channel names carry hyphens.
 */
@Component
public class Classroom {

	public static final UUID MATHS = UUID.fromString("3f2b8c1e-9d4a-4e7b-8f6a-2c1d0e9b7a65");

	public static final UUID ART = UUID.fromString("a1c2e3f4-0b1c-4d2e-8f30-415263748596");

	public static final UUID MATHS_SESSION = UUID.fromString("0d6f5e4c-3b2a-4190-8877-665544332211");

	private final Map<String, User> users = Map.of("t-1", new User("t-1", "Ada Byron", "/avatars/t-1.png", "teacher"),
			"s-2", new User("s-2", "Sam Okafor", "/avatars/s-2.png", "student"), "s-3",
			new User("s-3", "Lee Zhang", "/avatars/s-3.png", "student"));

	private final Map<UUID, Set<String>> members = Map.of(MATHS, Set.of("t-1", "s-2"), ART, Set.of("t-1", "s-3"));

	private final Map<UUID, UUID> sessions = Map.of(MATHS_SESSION, MATHS);

	public Optional<User> user(String id) {
		return Optional.ofNullable(this.users.get(id));
	}

	public boolean isMember(String userId, UUID classId) {
		return this.members.getOrDefault(classId, Set.of()).contains(userId);
	}

	public Optional<UUID> classOfSession(UUID sessionId) {
		return Optional.ofNullable(this.sessions.get(sessionId));
	}

	/**
	 * A user of the classroom.
	 *
	 * @param id the user id
	 * @param name the display name
	 * @param avatar the avatar's path
	 * @param role {@code teacher} or {@code student}
	 */
	public record User(String id, String name, String avatar, String role) {

	}

}
