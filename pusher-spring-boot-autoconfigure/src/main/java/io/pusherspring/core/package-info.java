/**
 * Publishing to Pusher Channels: {@link io.pusherspring.core.PusherOperations}, its
 * {@link io.pusherspring.core.PusherTemplate} implementation, the values they exchange,
 * the channel naming rules and the {@link io.pusherspring.core.PusherTransport} SPI.
 */
@NullMarked
package io.pusherspring.core;

import org.jspecify.annotations.NullMarked;
