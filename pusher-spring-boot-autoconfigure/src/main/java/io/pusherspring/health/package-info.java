/**
 * The Pusher component of Spring Boot's health endpoint:
 * {@link io.pusherspring.health.PusherHealthIndicator}.
 */
@NullMarked
package io.pusherspring.health;

import org.jspecify.annotations.NullMarked;
