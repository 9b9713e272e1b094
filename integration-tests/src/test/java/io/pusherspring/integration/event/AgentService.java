package io.pusherspring.integration.event;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tutoring agents: each status change is stored and broadcast as an application event.
 */
@Service
public class AgentService {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	public AgentService(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	// tag::publish[]
	@Transactional
	public void changeStatus(String agentId, String status) {
		this.jdbc.sql("INSERT INTO agent_status (agent_id, status) VALUES (?, ?)").params(agentId, status).update();
		this.events.publishEvent(new AgentStatusChanged(agentId, status));
		if (status.equals("crashed")) {
			throw new IllegalStateException("Agent " + agentId + " crashed");
		}
	}
	// end::publish[]

}
