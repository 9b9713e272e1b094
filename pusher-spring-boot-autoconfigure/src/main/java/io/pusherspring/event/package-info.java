/**
 * Declarative broadcasting: {@link io.pusherspring.event.PusherEvent @PusherEvent} on
 * methods of Spring beans, and application events that implement
 * {@link io.pusherspring.event.PusherBroadcast}, published to Pusher after the
 * surrounding transaction commits.
 */
@NullMarked
package io.pusherspring.event;

import org.jspecify.annotations.NullMarked;
