package io.pusherspring.integration.instances.broadcast;

import java.util.List;
import java.util.Map;

import io.pusherspring.event.PusherBroadcast;

/**
 * A grade was recorded: broadcast to the student's private channel.
 *
 * @param studentId the student
 * @param course the course
 * @param grade the grade
 */
public record GradeRecorded(String studentId, String course, int grade) implements PusherBroadcast {

	static final String EVENT = "grade.recorded";

	@Override
	public List<String> channels() {
		return List.of(channel(this.studentId));
	}

	@Override
	public String event() {
		return EVENT;
	}

	@Override
	public Object data() {
		return Map.of("course", this.course, "grade", this.grade);
	}

	static String channel(String studentId) {
		return "private-student-" + studentId;
	}

}
