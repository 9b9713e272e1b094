package io.pusherspring.auth;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.observation.tck.TestObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.pusherspring.auth.AuthTestConfiguration.RecordedDecisions;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;

/**
 * The authorizers of the applications that serve the auth endpoints over real HTTP, the
 * same on both web stacks ({@link AuthOverHttpApplication},
 * {@link ReactiveAuthOverHttpApplication}): authorizers that block, {@code Mono} methods,
 * the decisions and observations recorded.
 */
@Configuration(proxyBeanMethods = false)
class OverHttpAuthorizers {

	@Bean
	ChannelAuthorizer ownChannels() {
		return ChannelAuthorizer.allowIf("private-user-{userId}",
				(context) -> context.variable("userId").equals(context.userName()));
	}

	@Bean
	ChannelAuthorizer openChannels() {
		return ChannelAuthorizer.permitAll("private-open-{name}");
	}

	@Bean
	ChannelAuthorizer rooms() {
		return ChannelAuthorizer.permitAll("presence-room-{name}");
	}

	@Bean
	ChannelAuthorizer encryptedChannels() {
		return ChannelAuthorizer.permitAll("private-encrypted-{name}");
	}

	/**
	 * An authorizer that blocks, as one that queries a database does.
	 */
	@Bean
	ChannelAuthorizer slowChannels(AuthorizerThreads threads) {
		return ChannelAuthorizer.allowIf("private-slow-{name}", (context) -> {
			threads.add(Thread.currentThread().getName());
			LockSupport.parkNanos(1_000_000);
			return context.variable("name").equals(context.userName());
		});
	}

	/**
	 * An authorizer declared never to block, deciding from the channel name alone.
	 */
	@Bean
	ChannelAuthorizer quickChannels(AuthorizerThreads threads) {
		return ChannelAuthorizer.allowIf("private-quick-{name}", (context) -> {
			threads.add(Thread.currentThread().getName());
			return !context.variable("name").equals("denied");
		}).nonBlocking();
	}

	@Bean
	MonoChannels monoChannels() {
		return new MonoChannels();
	}

	@Bean
	AuthorizerThreads authorizerThreads() {
		return new AuthorizerThreads();
	}

	@Bean
	RecordedDecisions recordedDecisions() {
		return new RecordedDecisions();
	}

	@Bean
	TestObservationRegistry observationRegistry() {
		return TestObservationRegistry.create();
	}

	/**
	 * A shared rate limit in a store whose client blocks, as Bucket4j's JDBC proxy
	 * managers do.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("test.blocking-rate-limit-store")
	static class BlockingRateLimitStore {

		@Bean
		InMemoryProxyManager blockingProxyManager() {
			return new InMemoryProxyManager() {

				@Override
				public void removeProxy(String key) {
					super.removeProxy(key);
				}

				@Override
				protected io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation beginCompareAndSwapOperation(
						String key) {
					LockSupport.parkNanos(1_000_000);
					return super.beginCompareAndSwapOperation(key);
				}

			};
		}

	}

	/**
	 * {@code @PusherChannel} methods that return a {@code Mono}.
	 */
	static class MonoChannels {

		@PusherChannel("private-mono-{name}")
		Mono<Boolean> own(@ChannelVariable String name, @Nullable Authentication authentication) {
			return Mono.fromSupplier(() -> authentication != null && name.equals(authentication.getName()));
		}

		@PusherChannel("presence-mono-{room}")
		Mono<PresenceMember> member(@ChannelVariable String room, @Nullable Principal principal) {
			return Mono.justOrEmpty(principal)
				.map((caller) -> PresenceMember.of(caller.getName(), Map.of("room", room)));
		}

		/**
		 * A method that breaks the rule, blocking in its {@code Mono}: on an event loop,
		 * BlockHound stops it.
		 */
		@PusherChannel("private-blocking-mono-{name}")
		Mono<Boolean> blocking(@ChannelVariable String name) {
			return Mono.fromSupplier(() -> {
				LockSupport.parkNanos(1_000_000);
				return true;
			});
		}

		@PusherChannel("private-context-{name}")
		Mono<ChannelAuthorization> fromTheReactiveSecurityContext(@ChannelVariable String name) {
			return ReactiveSecurityContextHolder.getContext()
				.map((context) -> name.equals(context.getAuthentication().getName()) ? ChannelAuthorization.grant()
						: ChannelAuthorization.deny("another user"))
				.defaultIfEmpty(ChannelAuthorization.deny("no reactive security context"));
		}

	}

	/**
	 * The threads the blocking authorizer ran on.
	 */
	static class AuthorizerThreads {

		private final List<String> names = new CopyOnWriteArrayList<>();

		void add(String name) {
			this.names.add(name);
		}

		List<String> names() {
			return this.names;
		}

	}

}
