/**
 * The Spring TestContext side of the test kit's life cycle, internal to the kit: the test
 * credentials given to every test's application context where its application has none,
 * and the test execution listener that empties the recorder before each test. Registered
 * in the kit's {@code META-INF/spring.factories}; applications use
 * {@code io.pusherspring.test}.
 */
@NullMarked
package io.pusherspring.test.context;

import org.jspecify.annotations.NullMarked;
