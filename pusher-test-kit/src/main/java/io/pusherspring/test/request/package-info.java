/**
 * What the test kit's MockMvc request builders are built from, internal to the kit:
 * following the paths the application under test configures. Types are public only so
 * that the builders of {@code io.pusherspring.test} can build on them.
 */
@NullMarked
package io.pusherspring.test.request;

import org.jspecify.annotations.NullMarked;
