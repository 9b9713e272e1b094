/**
 * What the test kit's AssertJ assertions are built from, internal to the kit: expected
 * events and their criteria, JSON comparison, waiting for asynchronous publishing, and
 * failure messages that list what was recorded. Types are public only so that the
 * assertions of {@code io.pusherspring.test} can build on them.
 */
@NullMarked
package io.pusherspring.test.assertion;

import org.jspecify.annotations.NullMarked;
