/**
 * End-to-end tests of the starter's features, one package per feature: real Spring Boot
 * applications, the test kit's servers and, where a client matters, real Pusher clients.
 */
package io.pusherspring.integration;
