package io.pusherspring.integration.event;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * A classroom application whose services broadcast with {@code @PusherEvent} and
 * {@code PusherBroadcast}, over an H2 database with real transactions.
 */
@SpringBootApplication
@PropertySource("classpath:io/pusherspring/integration/event/classroom.properties")
public class ClassroomApplication {

}
