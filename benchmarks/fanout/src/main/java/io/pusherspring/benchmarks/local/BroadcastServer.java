package io.pusherspring.benchmarks.local;

import java.net.URI;

/**
 * A minimal WebSocket server that sends one text message to every connected client: the
 * part of a Pusher-protocol server that a WebSocket library decides the cost of. Once it
 * has registered a connection, it sends that client {@value #READY}.
 */
interface BroadcastServer extends AutoCloseable {

	/** What a client receives once the server broadcasts to it. */
	String READY = "ready";

	/**
	 * The address clients connect to.
	 */
	URI uri();

	/**
	 * Send a message to every connected client, without waiting for the sends.
	 */
	void broadcast(String text);

	@Override
	void close() throws Exception;

}
