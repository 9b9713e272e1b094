/**
 * The Pusher HTTP API as the test kit simulates it, internal to the kit: the answers and
 * limits of {@code PusherApiSimulator}, request authentication and the signatures clients
 * present, shared by {@code FakePusherServer}, {@code LocalPusherServer} and the
 * in-memory transport of {@code @RecordPusherEvents}. Types are public only so that the
 * kit's packages share them; applications use {@code io.pusherspring.test}.
 */
@NullMarked
package io.pusherspring.test.simulator;

import org.jspecify.annotations.NullMarked;
