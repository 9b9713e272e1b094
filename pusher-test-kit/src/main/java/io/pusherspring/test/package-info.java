/**
 * Test support for Pusher Channels: record what an application triggers, assert it with
 * AssertJ, and run against a fake Pusher HTTP API or a local Pusher-protocol server, with
 * no network. Applications use this package only. With the test kit on the test class
 * path, every Spring test's application context also gets test credentials
 * ({@code test-app-id}, {@code test-key}, {@code test-secret}) where the application has
 * none.
 * <p>
 * What these types are built from lives in sub-packages by role, internal to the kit:
 * {@code simulator} (the Pusher HTTP API, its limits and signatures), {@code wiremock}
 * ({@code FakePusherServer}'s WireMock server), {@code local}
 * ({@code LocalPusherServer}'s Netty server), {@code assertion} and {@code request} (what
 * the assertions and the MockMvc request builders are built from), {@code junit} and
 * {@code context} (the JUnit 5 and Spring TestContext life cycle).
 */
@NullMarked
package io.pusherspring.test;

import org.jspecify.annotations.NullMarked;
