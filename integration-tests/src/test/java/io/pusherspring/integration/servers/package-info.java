/**
 * Real PostgreSQL and Redis servers for tests: Debian's binaries, started by the test
 * under {@code target/servers} on free ports and stopped after it, with no system service
 * and no container.
 */
package io.pusherspring.integration.servers;
