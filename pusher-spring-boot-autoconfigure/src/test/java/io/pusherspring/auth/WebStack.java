package io.pusherspring.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The two web stacks the auth endpoints serve, each as an application on a real server
 * (Tomcat, Reactor Netty) with Spring Security, for tests that run the same scenarios on
 * both. Starting the WebFlux application installs BlockHound
 * ({@link NonBlockingThreads}).
 */
enum WebStack {

	/** Spring MVC on Tomcat: {@link AuthOverHttpApplication}. */
	MVC(AuthOverHttpApplication.class, WebApplicationType.SERVLET),

	/** Spring WebFlux on Reactor Netty: {@link ReactiveAuthOverHttpApplication}. */
	WEBFLUX(ReactiveAuthOverHttpApplication.class, WebApplicationType.REACTIVE);

	private final Class<?> application;

	private final WebApplicationType type;

	WebStack(Class<?> application, WebApplicationType type) {
		this.application = application;
		this.type = type;
	}

	/**
	 * Start the stack's application on a free port.
	 * @param properties more properties, as {@code name=value}
	 * @return the running application
	 */
	ConfigurableApplicationContext start(String... properties) {
		if (this == WEBFLUX) {
			NonBlockingThreads.install();
		}
		SpringApplication application = new SpringApplication(this.application);
		application.setWebApplicationType(this.type);
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
		for (String property : properties) {
			args.add("--" + property);
		}
		return application.run(args.toArray(String[]::new));
	}

	/**
	 * The statuses a raw request with a query string the stack cannot parse may get:
	 * those given, and, on WebFlux, a reset connection (Reactor Netty closes it with the
	 * request's body unread after Spring WebFlux answered 400, and the answer may be
	 * lost).
	 * @param statuses the statuses
	 * @return the statuses, and {@link AuthHttp#RESET} on WebFlux
	 */
	Integer[] orReset(Integer... statuses) {
		if (this == MVC) {
			return statuses;
		}
		Integer[] withReset = Arrays.copyOf(statuses, statuses.length + 1);
		withReset[statuses.length] = AuthHttp.RESET;
		return withReset;
	}

	static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
