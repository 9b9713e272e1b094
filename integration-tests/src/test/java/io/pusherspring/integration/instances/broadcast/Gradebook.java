package io.pusherspring.integration.instances.broadcast;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records grades: each grade and its broadcast are committed together.
 */
@Service
public class Gradebook {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	public Gradebook(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional
	public void record(String course, int grade, List<String> studentIds) {
		for (String studentId : studentIds) {
			this.jdbc.sql("INSERT INTO grade (student_id, course, grade) VALUES (?, ?, ?)")
				.params(studentId, course, grade)
				.update();
			this.events.publishEvent(new GradeRecorded(studentId, course, grade));
		}
	}

	public int count(String course) {
		return this.jdbc.sql("SELECT count(*) FROM grade WHERE course = ?").param(course).query(Integer.class).single();
	}

}
