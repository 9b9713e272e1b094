/**
 * Several instances of one application sharing state in real servers: each test runs two
 * Spring Boot applications (two contexts in the test JVM, or a separate process) on their
 * own ports, against PostgreSQL or Redis started for the test.
 */
package io.pusherspring.integration.instances;
