/**
 * Channel authorization and user authentication for Pusher Channels:
 * {@link io.pusherspring.auth.ChannelAuthorizer} beans and
 * {@link io.pusherspring.auth.PusherChannel @PusherChannel} methods decide who may
 * subscribe to which private, encrypted or presence channel, and the auth endpoints sign
 * their decisions, in Spring MVC and Spring WebFlux alike: one decision core
 * ({@link io.pusherspring.auth.PusherAuthService}) reads the request of either stack as
 * an {@link io.pusherspring.auth.AuthRequest}.
 */
@NullMarked
package io.pusherspring.auth;

import org.jspecify.annotations.NullMarked;
