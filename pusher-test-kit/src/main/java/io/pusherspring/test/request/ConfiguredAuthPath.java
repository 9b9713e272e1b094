package io.pusherspring.test.request;

import java.util.function.Function;

import io.pusherspring.autoconfigure.PusherProperties;
import jakarta.servlet.ServletContext;
import org.jspecify.annotations.Nullable;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Moves an auth request from Pusher's default path to the path the application MockMvc
 * runs against configures ({@code pusher.auth.path} or {@code pusher.auth.user-path}),
 * unless the test chose another URI. Internal to the test kit: public only so that the
 * request builders of {@code io.pusherspring.test} can build on it.
 */
public final class ConfiguredAuthPath implements RequestPostProcessor {

	/** Where pusher-js posts channel authorization requests by default. */
	public static final String DEFAULT_AUTH_PATH = "/pusher/auth";

	/** Where pusher-js posts user authentication requests by default. */
	public static final String DEFAULT_USER_AUTH_PATH = "/pusher/user-auth";

	private final String defaultPath;

	private final Function<PusherProperties.Auth, String> configured;

	private ConfiguredAuthPath(String defaultPath, Function<PusherProperties.Auth, String> configured) {
		this.defaultPath = defaultPath;
		this.configured = configured;
	}

	/**
	 * Moves channel authorization requests to {@code pusher.auth.path}.
	 * @return the post-processor
	 */
	public static ConfiguredAuthPath channelAuth() {
		return new ConfiguredAuthPath(DEFAULT_AUTH_PATH, PusherProperties.Auth::getPath);
	}

	/**
	 * Moves user authentication requests to {@code pusher.auth.user-path}.
	 * @return the post-processor
	 */
	public static ConfiguredAuthPath userAuth() {
		return new ConfiguredAuthPath(DEFAULT_USER_AUTH_PATH, PusherProperties.Auth::getUserPath);
	}

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		String path = configuredPath(request.getServletContext());
		String current = request.getRequestURI().substring(request.getContextPath().length());
		if (path != null && !path.equals(this.defaultPath) && current.equals(this.defaultPath)) {
			request.setRequestURI(request.getContextPath() + path);
			request.setServletPath("");
			request.setPathInfo(path);
		}
		return request;
	}

	private @Nullable String configuredPath(ServletContext servletContext) {
		PusherProperties properties = pusherProperties(servletContext);
		return (properties != null) ? this.configured.apply(properties.getAuth()) : null;
	}

	/**
	 * The {@link PusherProperties} of the application MockMvc runs against, for the
	 * request builders that follow its configured paths.
	 * @param servletContext the servlet context of the request
	 * @return the properties, or {@code null} without an application context or with no
	 * single {@code PusherProperties} bean
	 */
	public static @Nullable PusherProperties pusherProperties(ServletContext servletContext) {
		WebApplicationContext context = WebApplicationContextUtils.getWebApplicationContext(servletContext);
		return (context != null) ? context.getBeanProvider(PusherProperties.class).getIfUnique() : null;
	}

}
