/**
 * Test support for Pusher Channels: record what an application triggers, assert it with
 * AssertJ, and run against a fake Pusher HTTP API, with no network.
 */
@NullMarked
package io.pusherspring.test;

import org.jspecify.annotations.NullMarked;
