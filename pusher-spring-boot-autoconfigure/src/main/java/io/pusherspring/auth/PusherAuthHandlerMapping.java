package io.pusherspring.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import io.pusherspring.auth.PusherAuthorizationEvent.Kind;

import org.springframework.util.Assert;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Maps the channel authorization and user authentication paths to their endpoints.
 * <p>
 * It is ordered after Spring MVC's {@code @RequestMapping} and functional route mappings
 * ({@link #ORDER}), so an application controller mapped to the same path takes it over
 * (for every HTTP method), and before static resources. Requests reach the endpoints
 * through the application's filters, Spring Security's included (authentication, CSRF,
 * CORS).
 */
public final class PusherAuthHandlerMapping extends SimpleUrlHandlerMapping {

	/**
	 * The order of this mapping: after {@code RouterFunctionMapping} (-1),
	 * {@code RequestMappingHandlerMapping} (0) and Spring MVC's other mappings (up to 2),
	 * before static resources ({@code Ordered.LOWEST_PRECEDENCE - 1}).
	 */
	public static final int ORDER = 10;

	/**
	 * Create the mapping.
	 * @param service the service that decides and signs
	 * @param path the channel authorization path, such as {@code /pusher/auth}
	 * @param userPath the user authentication path, such as {@code /pusher/user-auth}
	 */
	public PusherAuthHandlerMapping(PusherAuthService service, String path, String userPath) {
		Assert.notNull(service, "'service' must not be null");
		Assert.isTrue(path != null && path.startsWith("/"), () -> "Auth path '" + path + "' must start with '/'");
		Assert.isTrue(userPath != null && userPath.startsWith("/"),
				() -> "User auth path '" + userPath + "' must start with '/'");
		Assert.isTrue(!path.equals(userPath), () -> "Auth path and user auth path are both '" + path + "'");
		Map<String, Object> handlers = new LinkedHashMap<>();
		handlers.put(path, new PusherAuthEndpoint(service, Kind.CHANNEL_AUTHORIZATION));
		handlers.put(userPath, new PusherAuthEndpoint(service, Kind.USER_AUTHENTICATION));
		setUrlMap(handlers);
		setOrder(ORDER);
	}

	@Override
	public String toString() {
		return "PusherAuthHandlerMapping" + getUrlMap().keySet();
	}

}
