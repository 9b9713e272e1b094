package io.pusherspring.webflux;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A reactive web application that publishes to Pusher, for the WebFlux tests of the test
 * kit and the guide's examples.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class ClassroomReactiveApplication {

}
