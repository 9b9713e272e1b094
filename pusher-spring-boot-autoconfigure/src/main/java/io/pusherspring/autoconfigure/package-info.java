/**
 * Auto-configuration for Pusher Channels:
 * {@link io.pusherspring.autoconfigure.PusherProperties} and the
 * {@code *AutoConfiguration} classes.
 */
@NullMarked
package io.pusherspring.autoconfigure;

import org.jspecify.annotations.NullMarked;
