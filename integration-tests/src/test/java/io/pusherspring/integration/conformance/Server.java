package io.pusherspring.integration.conformance;

/**
 * The servers every conformance scenario runs against: the test kit's
 * {@code LocalPusherServer}, which must behave as Pusher documents, and soketi 1.6.1,
 * whose every difference from Pusher is a {@link SoketiDifference}.
 */
public enum Server {

	/** The test kit's in-process server. */
	LOCAL_PUSHER_SERVER("LocalPusherServer"),

	/** soketi 1.6.1, started by the test. */
	SOKETI("soketi 1.6.1");

	private final String description;

	Server(String description) {
		this.description = description;
	}

	/**
	 * Whether this server shows a documented difference from Pusher.
	 * @param difference the difference
	 * @return {@code true} for soketi
	 */
	public boolean differsIn(SoketiDifference difference) {
		return this == SOKETI;
	}

	/**
	 * Whether this server has a known bug: where it does not behave as Pusher documents.
	 * @param bug the bug
	 * @return {@code true} for the local server until the bug is fixed
	 */
	public boolean hasBug(LocalPusherServerBug bug) {
		return this == LOCAL_PUSHER_SERVER;
	}

	@Override
	public String toString() {
		return this.description;
	}

}
