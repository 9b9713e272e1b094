package io.pusherspring.integration.conformance;

/**
 * Where the test kit's {@code LocalPusherServer} does not yet behave as Pusher documents.
 * Each constant is pinned by the conformance scenario that names it: the scenario expects
 * Pusher's behaviour from soketi and the known wrong behaviour from the local server, so
 * the fix is noticed.
 */
public enum LocalPusherServerBug {

}
