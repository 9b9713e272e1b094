package io.pusherspring.integration.event;

import io.pusherspring.event.PusherEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records assessments; only a pass is celebrated live.
 */
@Service
public class AssessmentService {

	private final JdbcClient jdbc;

	public AssessmentService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::condition[]
	@Transactional
	@PusherEvent(channels = "private-user-#{#userId}", event = "assessment.completed", condition = "#result.passed()")
	public AssessmentResult complete(String userId, int score) {
		this.jdbc.sql("INSERT INTO assessment (user_id, score) VALUES (?, ?)").params(userId, score).update();
		return new AssessmentResult(userId, score);
	}
	// end::condition[]

}
