package io.pusherspring.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.micrometer.observation.Observation;

/**
 * What the observation of one {@link PusherTemplate} call knows: the operation, the event
 * names and the channels, as the application passed them (they may break Pusher's rules:
 * validation is part of the call, so a name may even be {@code null}). The failure, if
 * any, is the context's {@linkplain #getError() error}.
 *
 * @see PusherObservation
 */
public class PusherObservationContext extends Observation.Context {

	private final String operation;

	private final List<String> eventNames;

	private final List<String> channels;

	/**
	 * Create a context.
	 * @param operation the operation, such as {@code trigger}
	 * @param eventNames the distinct event names published, none for queries
	 * @param channels the channels named, none for calls that name no channel
	 */
	public PusherObservationContext(String operation, List<String> eventNames, List<String> channels) {
		this.operation = operation;
		this.eventNames = Collections.unmodifiableList(new ArrayList<>(eventNames));
		this.channels = Collections.unmodifiableList(new ArrayList<>(channels));
	}

	/**
	 * The operation: {@code trigger}, {@code trigger_batch}, {@code send_to_user},
	 * {@code channel}, {@code channels}, {@code users} or
	 * {@code terminate_user_connections}.
	 * @return the operation
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * The distinct event names the call publishes.
	 * @return the names, empty for queries
	 */
	public List<String> getEventNames() {
		return this.eventNames;
	}

	/**
	 * The channels the call names.
	 * @return the channel names, empty for calls that name none
	 */
	public List<String> getChannels() {
		return this.channels;
	}

}
