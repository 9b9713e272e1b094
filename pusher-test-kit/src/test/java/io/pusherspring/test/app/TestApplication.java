package io.pusherspring.test.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * A small application that publishes to Pusher, for the test kit's own tests: it tells a
 * class who joined from Pusher's {@code member_added} webhooks, and sets no
 * {@code pusher.*} properties. The README's examples are tests of consumer projects
 * instead ({@code docs/src/it}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ NotificationService.class, RosterWebhooks.class })
public class TestApplication {

}
