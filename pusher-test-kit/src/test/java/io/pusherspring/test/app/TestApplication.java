package io.pusherspring.test.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * A small application that publishes to Pusher, for the test kit's own tests. It sets no
 * {@code pusher.*} properties.
 *
 * @author pusher-spring-boot
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ NotificationService.class, ClassroomChannels.class, SignedInAsAda.class, RosterWebhooks.class })
public class TestApplication {

}
