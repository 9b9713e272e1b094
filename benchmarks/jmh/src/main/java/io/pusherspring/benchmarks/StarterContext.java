package io.pusherspring.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts what an application gets from the starter: a non-web Spring Boot application
 * with the starter's auto-configuration, set up by {@code pusher.*} properties. The
 * benchmarks use nothing of the library beyond its documented API (properties, beans,
 * {@code PusherOperations}, the {@code PusherTransport} SPI), so that a change inside the
 * library does not stop them from running.
 */
final class StarterContext {

	static final String APP_ID = "12345";

	static final String KEY = "278d425bdf160c739803";

	static final String SECRET = "7ad3773142a6692b25b8";

	private StarterContext() {
	}

	/**
	 * Start an application.
	 * @param configuration its configuration class, annotated
	 * {@code @EnableAutoConfiguration}
	 * @param properties {@code pusher.*} properties beyond the credentials
	 * @return the running application
	 */
	static ConfigurableApplicationContext start(Class<?> configuration, Map<String, Object> properties) {
		SpringApplication application = new SpringApplication(configuration);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("logging.level.root", "warn");
		defaults.put("pusher.app-id", APP_ID);
		defaults.put("pusher.key", KEY);
		defaults.put("pusher.secret", SECRET);
		defaults.putAll(properties);
		application.setDefaultProperties(defaults);
		return application.run();
	}

}
