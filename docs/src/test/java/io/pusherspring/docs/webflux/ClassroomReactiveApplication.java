package io.pusherspring.docs.webflux;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A reactive web application that publishes to Pusher: the guide's WebFlux examples,
 * tested over HTTP.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class ClassroomReactiveApplication {

}
