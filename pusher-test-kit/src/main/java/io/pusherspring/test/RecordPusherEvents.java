package io.pusherspring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.pusherspring.test.junit.PusherRecorderParameterResolver;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Record what a Spring test's application sends to Pusher instead of sending it.
 * <p>
 * The application's {@link io.pusherspring.core.PusherTemplate} keeps validating,
 * serializing and splitting as in production, but its transport is replaced by an
 * in-memory one that answers as Pusher does and records every accepted event into a
 * {@link PusherRecorder} bean. The recorder can be {@code @Autowired} or declared as a
 * test method parameter, and is emptied before each test method. When the application
 * sets no {@code pusher.app-id}, {@code pusher.key} or {@code pusher.secret} (or sets one
 * to a {@code ${...}} placeholder that nothing resolves), test credentials
 * ({@code test-app-id}, {@code test-key}, {@code test-secret}) are supplied in its place.
 * <p>
 * Works with {@code @SpringBootTest} and with test slices such as {@code @WebMvcTest}.
 * Tests that share an application context must not run in parallel.
 *
 * @see PusherAssertions
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@ExtendWith(PusherRecorderParameterResolver.class)
public @interface RecordPusherEvents {

}
