package io.pusherspring.test.wiremock;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import org.jspecify.annotations.Nullable;

/**
 * Matches the first request it is asked about, and only that one, so that a stub serves
 * exactly one request even when several arrive at once. WireMock asks the stubs in order
 * of priority and stops at the first that matches, so a planned fault goes to the first
 * request that reaches it. A scenario state would not do: two requests can both see the
 * state before either moves it on.
 */
final class ServedOnce implements ValueMatcher<Request> {

	private final AtomicReference<@Nullable UUID> servedRequest = new AtomicReference<>();

	@Override
	public MatchResult match(Request request) {
		UUID id = request.getId();
		return MatchResult
			.of(id != null && (this.servedRequest.compareAndSet(null, id) || id.equals(this.servedRequest.get())));
	}

}
