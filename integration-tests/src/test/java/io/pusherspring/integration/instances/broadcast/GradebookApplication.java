package io.pusherspring.integration.instances.broadcast;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * A gradebook whose grades are broadcast durably: with Spring Modulith's JDBC event
 * publication registry on PostgreSQL, shared by every instance.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(Gradebook.class)
@PropertySource("classpath:io/pusherspring/integration/instances/broadcast/gradebook.properties")
public class GradebookApplication {

}
