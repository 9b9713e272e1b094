package io.pusherspring.auth;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What a {@link ChannelAuthorizer} decided: the subscription is {@link Granted granted}
 * (with the member for a presence channel) or {@link Denied denied} (with a reason for
 * the audit trail; callers see only that they were denied).
 */
public sealed interface ChannelAuthorization permits ChannelAuthorization.Granted, ChannelAuthorization.Denied {

	/**
	 * Grant a private or encrypted channel. On a presence channel the member is the
	 * caller, with its principal's name as user id and no user information.
	 * @return the decision
	 */
	static ChannelAuthorization grant() {
		return new Granted(null);
	}

	/**
	 * Grant a presence channel to a member.
	 * @param member the member other members see
	 * @return the decision
	 */
	static ChannelAuthorization grant(PresenceMember member) {
		Assert.notNull(member, "'member' must not be null");
		return new Granted(member);
	}

	/**
	 * Deny the subscription.
	 * @return the decision
	 */
	static ChannelAuthorization deny() {
		return new Denied("denied by the authorizer");
	}

	/**
	 * Deny the subscription, saying why in the {@link PusherAuthorizationEvent
	 * authorization event}.
	 * @param reason why, for the audit trail; never sent to the caller
	 * @return the decision
	 */
	static ChannelAuthorization deny(String reason) {
		return new Denied(reason);
	}

	/**
	 * Whether the subscription is granted.
	 * @return {@code true} if granted
	 */
	boolean isGranted();

	/**
	 * A granted subscription.
	 *
	 * @param member the presence member, or {@code null} for private channels (and for
	 * the caller as member of a presence channel)
	 */
	record Granted(@Nullable PresenceMember member) implements ChannelAuthorization {

		@Override
		public boolean isGranted() {
			return true;
		}

	}

	/**
	 * A denied subscription.
	 *
	 * @param reason why, for the audit trail
	 */
	record Denied(String reason) implements ChannelAuthorization {

		/**
		 * Create a denial.
		 * @param reason why, not empty
		 */
		public Denied {
			Assert.hasText(reason, "'reason' must not be empty");
		}

		@Override
		public boolean isGranted() {
			return false;
		}

	}

}
