/**
 * The Pusher-protocol server inside {@code LocalPusherServer}, internal to the test kit:
 * one Netty port for the HTTP API and the WebSocket protocol 7, the client connections,
 * the live channels they share and the webhooks posted about them. Only
 * {@link io.pusherspring.test.local.ProtocolServer} is public, so that
 * {@code LocalPusherServer} can build on it; applications use
 * {@code io.pusherspring.test}.
 */
@NullMarked
package io.pusherspring.test.local;

import org.jspecify.annotations.NullMarked;
