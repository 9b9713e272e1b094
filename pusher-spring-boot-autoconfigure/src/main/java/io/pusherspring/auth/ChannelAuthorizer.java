package io.pusherspring.auth;

import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Decides who may subscribe to the channels whose names match a pattern. Declare
 * authorizers as beans; the auth endpoint asks the one with the most specific matching
 * pattern, and denies channels that no pattern matches.
 *
 * <pre class="code">
 * &#064;Bean
 * ChannelAuthorizer userChannels() {
 *     return ChannelAuthorizer.allowIf("private-user-{userId}",
 *             (context) -&gt; context.variable("userId").equals(context.userName()));
 * }
 * </pre>
 *
 * @see PusherChannel
 * @see AuthorizationManagerChannelAuthorizer
 */
public interface ChannelAuthorizer {

	/**
	 * The channel names this authorizer decides, such as {@code private-user-{userId}}:
	 * literal channel-name characters and {@code {name}} variables, each matching one or
	 * more channel-name characters (hyphens included, so UUIDs match whole). When several
	 * patterns match a channel, the one with more literal characters wins; two patterns
	 * that could match the same channel with as many literal characters fail start-up.
	 * @return the pattern
	 */
	String pattern();

	/**
	 * Decide one subscription. In a Spring WebFlux application it is called on a thread
	 * that may block (Reactor's bounded elastic scheduler), never on an event-loop
	 * thread, so it may query a database as it would in Spring MVC, unless the authorizer
	 * is declared {@link #nonBlocking() never to block}; a
	 * {@link PusherChannel @PusherChannel} method that returns a {@code Mono} runs on the
	 * event loop too, and must not block.
	 * @param context the channel, socket, pattern variables, caller and request
	 * @return the decision; {@code null} and exceptions deny
	 */
	ChannelAuthorization authorize(ChannelAuthorizationContext context);

	/**
	 * Whether {@link #authorize} may block, as a database query or a remote call does. A
	 * Spring WebFlux endpoint calls an authorizer that may block on Reactor's bounded
	 * elastic scheduler, and one that never blocks on the event loop, which spares each
	 * request two hand-overs between threads. Spring MVC calls both alike.
	 * @return {@code true} unless the authorizer is declared never to block
	 * @see #nonBlocking()
	 */
	default boolean mayBlock() {
		return true;
	}

	/**
	 * This authorizer, declared never to block: for a decision made from the context
	 * alone (the channel, its pattern variables, the caller), so that a Spring WebFlux
	 * endpoint calls it on the event loop. <pre class="code">
	 * &#064;Bean
	 * ChannelAuthorizer userChannels() {
	 *     return ChannelAuthorizer.allowIf("private-user-{userId}",
	 *             (context) -&gt; context.variable("userId").equals(context.userName())).nonBlocking();
	 * }
	 * </pre> Declare only checks that do no I/O: one that blocks anyway stalls every
	 * request on its event-loop thread.
	 * @return an authorizer with the same pattern and decision whose {@link #mayBlock()}
	 * is {@code false}
	 */
	default ChannelAuthorizer nonBlocking() {
		return mayBlock() ? new FunctionChannelAuthorizer(pattern(), this::authorize, false, toString()) : this;
	}

	/**
	 * An authorizer from a function.
	 * @param pattern the channel-name pattern
	 * @param authorizer the function that decides
	 * @return the authorizer
	 */
	static ChannelAuthorizer of(String pattern,
			Function<ChannelAuthorizationContext, ChannelAuthorization> authorizer) {
		Assert.hasText(pattern, "'pattern' must not be empty");
		Assert.notNull(authorizer, "'authorizer' must not be null");
		return new FunctionChannelAuthorizer(pattern, authorizer, true, null);
	}

	/**
	 * An authorizer that grants when a condition holds, for private channels (on a
	 * presence channel the caller joins as a member without user information).
	 * @param pattern the channel-name pattern
	 * @param condition whether to grant
	 * @return the authorizer
	 */
	static ChannelAuthorizer allowIf(String pattern, Predicate<ChannelAuthorizationContext> condition) {
		Assert.notNull(condition, "'condition' must not be null");
		return of(pattern, (context) -> condition.test(context) ? ChannelAuthorization.grant()
				: ChannelAuthorization.deny("condition of '" + pattern + "' not met"));
	}

	/**
	 * An authorizer for presence channels that grants by returning the caller's member.
	 * @param pattern the channel-name pattern
	 * @param member the caller as a presence member, or {@code null} to deny
	 * @return the authorizer
	 */
	static ChannelAuthorizer presence(String pattern,
			Function<ChannelAuthorizationContext, @Nullable PresenceMember> member) {
		Assert.notNull(member, "'member' must not be null");
		return of(pattern, (context) -> {
			PresenceMember result = member.apply(context);
			return (result != null) ? ChannelAuthorization.grant(result)
					: ChannelAuthorization.deny("no member for '" + pattern + "'");
		});
	}

	/**
	 * An authorizer that grants every authenticated caller (anonymous callers too, with
	 * {@code pusher.auth.allow-anonymous}).
	 * @param pattern the channel-name pattern
	 * @return the authorizer
	 */
	static ChannelAuthorizer permitAll(String pattern) {
		Assert.hasText(pattern, "'pattern' must not be empty");
		ChannelAuthorization grant = ChannelAuthorization.grant();
		return new FunctionChannelAuthorizer(pattern, (context) -> grant, false, null);
	}

}
