package io.pusherspring.auth;

import java.util.function.Function;

/**
 * A {@link ChannelAuthorizer} from a pattern and a function. The Spring WebFlux endpoints
 * call the function on a thread that may block, unless it is known not to
 * ({@link ChannelAuthorizer#permitAll}).
 */
final class FunctionChannelAuthorizer implements ChannelAuthorizer {

	private final String pattern;

	private final Function<ChannelAuthorizationContext, ChannelAuthorization> authorizer;

	private final boolean nonBlocking;

	FunctionChannelAuthorizer(String pattern, Function<ChannelAuthorizationContext, ChannelAuthorization> authorizer,
			boolean nonBlocking) {
		this.pattern = pattern;
		this.authorizer = authorizer;
		this.nonBlocking = nonBlocking;
	}

	/**
	 * Whether the function is known not to block, so that it may run on an event-loop
	 * thread.
	 */
	boolean isNonBlocking() {
		return this.nonBlocking;
	}

	@Override
	public String pattern() {
		return this.pattern;
	}

	@Override
	public ChannelAuthorization authorize(ChannelAuthorizationContext context) {
		return this.authorizer.apply(context);
	}

	@Override
	public String toString() {
		return "ChannelAuthorizer[" + this.pattern + "]";
	}

}
