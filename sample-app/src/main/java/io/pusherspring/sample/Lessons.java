package io.pusherspring.sample;

import io.pusherspring.event.PusherEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lessons in the database. Progress and the finished lesson are sent to the student's
 * private channel once each change has committed, never for a change that rolled back.
 */
@Service
public class Lessons {

	private final JdbcClient jdbc;

	Lessons(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Record a student's request for a lesson.
	 * @param userId the student
	 * @param topic what the lesson is about
	 * @return the lesson, not yet written
	 */
	@Transactional
	public Lesson request(String userId, String topic) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO lesson (user_id, topic, percent) VALUES (?, ?, 0)")
			.params(userId, topic)
			.update(keys, "id");
		return find(keys.getKeyAs(Long.class));
	}

	// tag::progress[]
	/**
	 * Record how far the lesson has got.
	 * @param lessonId the lesson
	 * @param percent how much of it is written
	 * @param activity what the agent is doing
	 * @return the lesson
	 */
	@Transactional
	@PusherEvent(channels = "private-user-#{#result.userId()}", event = "progress.updated",
			data = "{lessonId: #lessonId, percent: #percent, activity: #activity}")
	public Lesson advance(long lessonId, int percent, String activity) {
		update(this.jdbc.sql("UPDATE lesson SET percent = ? WHERE id = ?").params(percent, lessonId).update(),
				lessonId);
		return find(lessonId);
	}

	/**
	 * Store the written lesson.
	 * @param lessonId the lesson
	 * @param content what the agent wrote
	 * @return the finished lesson
	 */
	@Transactional
	@PusherEvent(channels = "private-user-#{#result.userId()}", event = "content.generated")
	public Lesson complete(long lessonId, String content) {
		update(this.jdbc.sql("UPDATE lesson SET percent = 100, content = ? WHERE id = ?")
			.params(content, lessonId)
			.update(), lessonId);
		return find(lessonId);
	}
	// end::progress[]

	private Lesson find(long lessonId) {
		return this.jdbc.sql("SELECT id, user_id, topic, percent, content FROM lesson WHERE id = ?")
			.param(lessonId)
			.query(Lesson.class)
			.single();
	}

	private static void update(int rows, long lessonId) {
		if (rows != 1) {
			throw new IllegalArgumentException("No lesson " + lessonId);
		}
	}

}
