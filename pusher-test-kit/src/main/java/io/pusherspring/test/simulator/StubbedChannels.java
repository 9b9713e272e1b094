package io.pusherspring.test.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.pusherspring.test.RecordedEvent;

/**
 * Channel state that tests stub, with no connection to deliver to.
 */
final class StubbedChannels implements ChannelBackend {

	private final Map<String, Occupancy> channels = new ConcurrentHashMap<>();

	void stub(String channel, Occupancy occupancy) {
		this.channels.put(channel, occupancy);
	}

	@Override
	public Occupancy occupancy(String channel) {
		return this.channels.getOrDefault(channel, Occupancy.EMPTY);
	}

	@Override
	public Map<String, Occupancy> occupied() {
		Map<String, Occupancy> occupied = new ConcurrentHashMap<>(this.channels);
		occupied.values().removeIf((occupancy) -> !occupancy.occupied());
		return occupied;
	}

	@Override
	public boolean countsSubscriptions() {
		// the counts are whatever tests stub
		return true;
	}

	@Override
	public void publish(RecordedEvent event) {
	}

	@Override
	public void terminate(String userId) {
	}

	@Override
	public void reset() {
		this.channels.clear();
	}

}
