package io.pusherspring.auth;

import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.util.Assert;

/**
 * A {@link ChannelAuthorizer} that asks a Spring Security {@link AuthorizationManager},
 * so that the rules that guard URLs and methods can guard channels:
 *
 * <pre class="code">
 * &#064;Bean
 * ChannelAuthorizer teacherChannels() {
 *     return new AuthorizationManagerChannelAuthorizer("private-staff-{room}",
 *             AuthorityAuthorizationManager.hasRole("TEACHER"));
 * }
 * </pre>
 *
 * A grant on a presence channel makes the caller a member, with its principal's name as
 * user id. A {@code null} result (abstain) denies.
 */
public final class AuthorizationManagerChannelAuthorizer implements ChannelAuthorizer {

	private final String pattern;

	private final AuthorizationManager<ChannelAuthorizationContext> manager;

	/**
	 * Create an authorizer.
	 * @param pattern the channel-name pattern
	 * @param manager the authorization manager that decides
	 */
	public AuthorizationManagerChannelAuthorizer(String pattern,
			AuthorizationManager<ChannelAuthorizationContext> manager) {
		Assert.hasText(pattern, "'pattern' must not be empty");
		Assert.notNull(manager, "'manager' must not be null");
		this.pattern = pattern;
		this.manager = manager;
	}

	@Override
	public String pattern() {
		return this.pattern;
	}

	@Override
	public ChannelAuthorization authorize(ChannelAuthorizationContext context) {
		AuthorizationResult result = this.manager.authorize(context::authentication, context);
		if (result != null && result.isGranted()) {
			return ChannelAuthorization.grant();
		}
		return ChannelAuthorization.deny("denied by " + this.manager);
	}

	@Override
	public String toString() {
		return "AuthorizationManagerChannelAuthorizer[" + this.pattern + ", " + this.manager + "]";
	}

}
