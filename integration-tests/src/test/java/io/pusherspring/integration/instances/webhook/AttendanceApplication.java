package io.pusherspring.integration.instances.webhook;

import io.pusherspring.integration.webhook.docs.WebhookSecurity;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * Records who attends which class from Pusher's {@code member_added} webhooks, run as
 * several instances behind one webhook URL; handled entries are remembered in PostgreSQL,
 * shared by the instances.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
		// no application events to store: Spring Modulith's registry plays no part
		"org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
		"org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration" })
@Import({ Attendance.class, WebhookSecurity.class })
@PropertySource("classpath:io/pusherspring/integration/instances/webhook/attendance.properties")
public class AttendanceApplication {

}
