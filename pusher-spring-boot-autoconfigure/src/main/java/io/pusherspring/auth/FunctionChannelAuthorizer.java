package io.pusherspring.auth;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A {@link ChannelAuthorizer} from a pattern and a function, which may block unless it
 * was declared not to ({@link ChannelAuthorizer#permitAll},
 * {@link ChannelAuthorizer#nonBlocking()}).
 */
final class FunctionChannelAuthorizer implements ChannelAuthorizer {

	private final String pattern;

	private final Function<ChannelAuthorizationContext, ChannelAuthorization> authorizer;

	private final boolean mayBlock;

	private final String description;

	FunctionChannelAuthorizer(String pattern, Function<ChannelAuthorizationContext, ChannelAuthorization> authorizer,
			boolean mayBlock, @Nullable String description) {
		this.pattern = pattern;
		this.authorizer = authorizer;
		this.mayBlock = mayBlock;
		this.description = (description != null) ? description : "ChannelAuthorizer[" + pattern + "]";
	}

	@Override
	public boolean mayBlock() {
		return this.mayBlock;
	}

	@Override
	public ChannelAuthorizer nonBlocking() {
		return this.mayBlock ? new FunctionChannelAuthorizer(this.pattern, this.authorizer, false, this.description)
				: this;
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
		return this.description;
	}

}
