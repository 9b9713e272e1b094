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

	@Override
	public String toString() {
		return this.description;
	}

}
