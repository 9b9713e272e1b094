package io.pusherspring.integration.webhook.docs;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The classroom application of the README's webhook examples.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ ClassRoster.class, ClassroomPresence.class, WebhookSecurity.class })
public class ClassroomApplication {

}
