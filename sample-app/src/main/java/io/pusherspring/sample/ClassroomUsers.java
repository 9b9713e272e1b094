package io.pusherspring.sample;

import java.util.List;
import java.util.Optional;

import io.pusherspring.sample.ClassroomUser.Role;

import org.springframework.stereotype.Component;

/**
 * The demo classroom's people: one teacher and two students, kept in memory.
 */
@Component
public class ClassroomUsers {

	private final List<ClassroomUser> users = List.of(new ClassroomUser("ada", "Ada Lovelace", Role.TEACHER),
			new ClassroomUser("grace", "Grace Hopper", Role.STUDENT),
			new ClassroomUser("alan", "Alan Turing", Role.STUDENT));

	/**
	 * Everyone.
	 * @return the users, teacher first
	 */
	public List<ClassroomUser> all() {
		return this.users;
	}

	/**
	 * The students.
	 * @return the students, in order
	 */
	public List<ClassroomUser> students() {
		return this.users.stream().filter((user) -> user.role() == Role.STUDENT).toList();
	}

	/**
	 * Find a user.
	 * @param id the user's id
	 * @return the user, if there is one
	 */
	public Optional<ClassroomUser> find(String id) {
		return this.users.stream().filter((user) -> user.id().equals(id)).findFirst();
	}

	/**
	 * A user's full name.
	 * @param id the user's id
	 * @return the name, or the id for someone not in the class
	 */
	public String nameOf(String id) {
		return find(id).map(ClassroomUser::name).orElse(id);
	}

	/**
	 * Whether a user is a student of the class.
	 * @param id the user's id
	 * @return {@code true} for a student
	 */
	public boolean isStudent(String id) {
		return find(id).filter((user) -> user.role() == Role.STUDENT).isPresent();
	}

}
