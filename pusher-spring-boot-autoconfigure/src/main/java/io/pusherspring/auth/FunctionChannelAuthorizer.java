package io.pusherspring.auth;

import java.util.function.Function;

/**
 * A {@link ChannelAuthorizer} from a pattern and a function.
 */
final class FunctionChannelAuthorizer implements ChannelAuthorizer {

	private final String pattern;

	private final Function<ChannelAuthorizationContext, ChannelAuthorization> authorizer;

	FunctionChannelAuthorizer(String pattern, Function<ChannelAuthorizationContext, ChannelAuthorization> authorizer) {
		this.pattern = pattern;
		this.authorizer = authorizer;
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
