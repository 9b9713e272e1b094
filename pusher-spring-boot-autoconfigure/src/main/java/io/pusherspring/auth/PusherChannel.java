package io.pusherspring.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method that authorizes subscriptions to the channels matching a pattern,
 * such as {@code private-class-{classId}}: the method-based form of a
 * {@link ChannelAuthorizer}.
 * <p>
 * Parameters may be {@link ChannelVariable @ChannelVariable} values of the pattern
 * (converted by the conversion service: {@code String}, {@code Long}, {@code UUID}, ...),
 * Spring Security's {@code Authentication}, a {@link java.security.Principal}, the
 * {@link ChannelAuthorizationContext} and the {@code HttpServletRequest}. The method
 * returns {@code boolean} (granted or not), a {@link PresenceMember} for presence
 * channels ({@code null} denies) or a {@link ChannelAuthorization}.
 *
 * <pre class="code">
 * &#064;PusherChannel("presence-session-{sessionId}")
 * PresenceMember joinSession(Authentication user, &#064;ChannelVariable("sessionId") UUID sessionId) {
 *     ...
 * }
 * </pre>
 *
 * @see ChannelAuthorizer#pattern()
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PusherChannel {

	/**
	 * The channel-name pattern: literal channel-name characters and {@code {name}}
	 * variables, each matching one or more channel-name characters (hyphens included).
	 * @return the pattern
	 */
	String value();

}
