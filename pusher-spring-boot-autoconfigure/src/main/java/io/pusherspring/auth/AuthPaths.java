package io.pusherspring.auth;

import org.jspecify.annotations.Nullable;

import io.pusherspring.auth.PusherAuthorizationEvent.Kind;

import org.springframework.util.Assert;

/**
 * The two paths the auth request filters of both web stacks guard, within the
 * application, and which endpoint each is.
 *
 * @param path the channel authorization path
 * @param userPath the user authentication path
 */
record AuthPaths(String path, String userPath) {

	AuthPaths {
		Assert.isTrue(path != null && path.startsWith("/"), "'path' must start with '/'");
		Assert.isTrue(userPath != null && userPath.startsWith("/"), "'userPath' must start with '/'");
	}

	/**
	 * The endpoint at a path.
	 * @param within the request's path within the application
	 * @return the endpoint's kind, or {@code null} for any other path
	 */
	@Nullable Kind kindOf(String within) {
		if (this.path.equals(within)) {
			return Kind.CHANNEL_AUTHORIZATION;
		}
		return this.userPath.equals(within) ? Kind.USER_AUTHENTICATION : null;
	}

	@Override
	public String toString() {
		return this.path + ", " + this.userPath;
	}

}
