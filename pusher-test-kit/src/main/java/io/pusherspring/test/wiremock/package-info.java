/**
 * The WireMock server inside {@code FakePusherServer}, internal to the test kit: the
 * Pusher HTTP API as a WireMock extension, planned faults as stubs, delays, and the
 * request journal. Types are public only so that {@code FakePusherServer} and
 * {@code RandomFaults} can build on them; applications use {@code io.pusherspring.test}.
 */
@NullMarked
package io.pusherspring.test.wiremock;

import org.jspecify.annotations.NullMarked;
