package io.pusherspring.integration.event;

import io.pusherspring.event.PusherEvent;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports progress as it happens: a progress bar need not wait for the commit.
 */
@Service
public class ProgressService {

	// tag::after-commit[]
	@Transactional
	@PusherEvent(channels = "private-user-#{#userId}", event = "progress.updated",
			data = "{activity: #activity, percent: #percent}", afterCommit = false)
	public void update(String userId, String activity, int percent) {
	}
	// end::after-commit[]

}
