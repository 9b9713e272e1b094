package io.pusherspring.integration.local.docs;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The application of the README's {@code LocalPusherServer} example.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(Announcements.class)
public class AnnouncementsApplication {

}
