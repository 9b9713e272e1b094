package io.pusherspring.integration.event;

import io.pusherspring.event.PusherEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates content and tells its user.
 */
@Service
public class ContentService {

	private final JdbcClient jdbc;

	public ContentService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::generate[]
	@Transactional
	@PusherEvent(channels = "private-user-#{#userId}", event = "content.generated")
	public GeneratedContent generate(String userId, String contentType) {
		if (contentType.isBlank()) {
			throw new IllegalArgumentException("Choose a content type");
		}
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO content (user_id, content_type) VALUES (?, ?)")
			.params(userId, contentType)
			.update(keys, "id");
		return new GeneratedContent(keys.getKey().longValue(), contentType);
	}
	// end::generate[]

	@PusherEvent(channels = "private-user-#{#userId}", event = "content.previewed")
	public GeneratedContent preview(String userId, String contentType) {
		return new GeneratedContent(0, contentType);
	}

	public long count(String userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM content WHERE user_id = ?").param(userId).query(Long.class).single();
	}

}
