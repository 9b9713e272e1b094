package io.pusherspring.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.scheduler.Scheduler;

import io.pusherspring.auth.PusherAuthorizationEvent.Kind;

import org.springframework.util.Assert;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/**
 * Maps the channel authorization and user authentication paths to their endpoints in a
 * Spring WebFlux application: the reactive twin of {@link PusherAuthHandlerMapping}, with
 * the same order, so that an application's own handler of a path takes it over. Requests
 * reach the endpoints through the application's web filters, Spring Security's included
 * (authentication, CSRF, CORS).
 */
public final class PusherAuthWebFluxHandlerMapping extends SimpleUrlHandlerMapping {

	/**
	 * The order of this mapping: after {@code RouterFunctionMapping} (-1) and
	 * {@code RequestMappingHandlerMapping} (0), before static resources.
	 */
	public static final int ORDER = PusherAuthHandlerMapping.ORDER;

	/**
	 * Create the mapping.
	 * @param service the service that decides and signs
	 * @param path the channel authorization path, such as {@code /pusher/auth}
	 * @param userPath the user authentication path, such as {@code /pusher/user-auth}
	 * @param blockingScheduler where the authorizers, the user resolver and a rate
	 * limiter that may block are called, such as Reactor's bounded elastic scheduler
	 */
	public PusherAuthWebFluxHandlerMapping(PusherAuthService service, String path, String userPath,
			Scheduler blockingScheduler) {
		Assert.notNull(service, "'service' must not be null");
		Assert.notNull(blockingScheduler, "'blockingScheduler' must not be null");
		Assert.isTrue(path != null && path.startsWith("/"), () -> "Auth path '" + path + "' must start with '/'");
		Assert.isTrue(userPath != null && userPath.startsWith("/"),
				() -> "User auth path '" + userPath + "' must start with '/'");
		Assert.isTrue(!path.equals(userPath), () -> "Auth path and user auth path are both '" + path + "'");
		Map<String, Object> handlers = new LinkedHashMap<>();
		handlers.put(path, new PusherAuthWebHandler(service, Kind.CHANNEL_AUTHORIZATION, blockingScheduler));
		handlers.put(userPath, new PusherAuthWebHandler(service, Kind.USER_AUTHENTICATION, blockingScheduler));
		setUrlMap(handlers);
		setOrder(ORDER);
	}

	@Override
	public String toString() {
		return "PusherAuthWebFluxHandlerMapping" + getUrlMap().keySet();
	}

}
