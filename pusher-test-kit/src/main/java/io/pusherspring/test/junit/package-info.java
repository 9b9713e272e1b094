/**
 * The JUnit 5 side of the test kit's life cycle, internal to the kit: when a server
 * registered as an extension starts, resets and stops, and which test method parameters
 * the kit resolves. Types are public only so that {@code io.pusherspring.test} can build
 * on them.
 */
@NullMarked
package io.pusherspring.test.junit;

import org.jspecify.annotations.NullMarked;
