package io.pusherspring.benchmarks.startup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pusherspring.autoconfigure.PusherClientSettings;
import io.pusherspring.autoconfigure.PusherConnectionDetails;
import io.pusherspring.autoconfigure.PusherProperties;
import io.pusherspring.core.PusherOperations;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindingPostProcessor;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The classroom sample ({@code SampleApplication}, its classes from
 * {@code sample-app/target/classes}, Tomcat on a free port), started with the starter, or
 * with every auto-configuration of the starter excluded and stand-ins for the starter's
 * beans that the sample's own beans need ({@code PusherOperations} that does nothing, the
 * connection details, {@code PusherProperties} and the front end's
 * {@code PusherClientSettings}), so that they start. After each start (and after the time
 * is taken) the application is checked to be what it should be: it serves its sign-in
 * page; with the starter, its auto-configurations are there and {@code PusherOperations}
 * is the real one; without, neither.
 * <p>
 * When the sample comes to need another of the starter's beans, the start without the
 * starter fails, and Spring Boot's failure analysis names the bean: add a stand-in below.
 */
final class SampleStarts {

	static final String SAMPLE_APPLICATION = "io.pusherspring.sample.SampleApplication";

	private static final String APP_ID = "3";

	private static final String KEY = "278d425bdf160c739803";

	private static final String SECRET = "7ad3773142a6692b25b8";

	/** Base64 of 32 bytes: the sample's private notes use encrypted channels. */
	private static final String ENCRYPTION_MASTER_KEY = "2AD2lO2JO5KWbptF2K6jLJnlR5S+99IneCOGgnvbvjg=";

	private SampleStarts() {
	}

	/**
	 * Start and stop the sample once in this JVM.
	 * @param withStarter whether the starter's auto-configuration applies
	 * @param apiPort the port of the {@link PusherApiStandIn}
	 * @return milliseconds from {@code run} to {@code ApplicationStartedEvent}
	 */
	static double start(boolean withStarter, int apiPort) {
		System.gc();
		SpringApplication application = application(withStarter, apiPort);
		StartedAt started = new StartedAt();
		application.addListeners(started);
		long begin = System.nanoTime();
		try (ConfigurableApplicationContext context = application.run()) {
			check(context, withStarter);
			return (started.nanos - begin) / 1e6;
		}
	}

	/**
	 * Start and stop the sample once in this JVM.
	 * @param withStarter whether the starter's auto-configuration applies
	 * @param apiPort the port of the {@link PusherApiStandIn}
	 * @return milliseconds from the JVM's start to {@code ApplicationStartedEvent}
	 */
	static double startFromJvmStart(boolean withStarter, int apiPort) {
		SpringApplication application = application(withStarter, apiPort);
		StartedAt started = new StartedAt();
		application.addListeners(started);
		try (ConfigurableApplicationContext context = application.run()) {
			check(context, withStarter);
			return started.uptimeMillis;
		}
	}

	static SpringApplication application(boolean withStarter, int apiPort) {
		SpringApplication application;
		try {
			application = new SpringApplication(Class.forName(SAMPLE_APPLICATION));
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("Put sample-app/target/classes on the class path", ex);
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("server.address", "127.0.0.1");
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "warn");
		properties.put("pusher.app-id", APP_ID);
		properties.put("pusher.key", KEY);
		properties.put("pusher.secret", SECRET);
		properties.put("pusher.encryption-master-key", ENCRYPTION_MASTER_KEY);
		properties.put("pusher.scheme", "http");
		properties.put("pusher.host", "127.0.0.1");
		properties.put("pusher.port", Integer.toString(apiPort));
		if (!withStarter) {
			properties.put("spring.autoconfigure.exclude", String.join(",", starterAutoConfigurations()));
			application.addInitializers((context) -> {
				GenericApplicationContext generic = (GenericApplicationContext) context;
				generic.registerBean(PusherOperations.class,
						() -> standIn(PusherOperations.class, (proxy, method, arguments) -> null));
				generic.registerBean(PusherConnectionDetails.class, () -> connectionDetails(apiPort));
				generic.registerBean(PusherClientSettings.class,
						() -> PusherClientSettings.from(connectionDetails(apiPort)));
				// bound to pusher.* as the starter's would be
				ConfigurationPropertiesBindingPostProcessor.register(generic);
				generic.registerBean(PusherProperties.class);
			});
		}
		application.setDefaultProperties(properties);
		return application;
	}

	/**
	 * The starter's auto-configurations, whatever their names.
	 */
	static List<String> starterAutoConfigurations() {
		List<String> names = new ArrayList<>();
		ImportCandidates.load(AutoConfiguration.class, SampleStarts.class.getClassLoader()).forEach((name) -> {
			if (name.startsWith("io.pusherspring.") && !names.contains(name)) {
				names.add(name);
			}
		});
		if (names.isEmpty()) {
			throw new IllegalStateException("The starter's auto-configurations are not on the class path");
		}
		return names;
	}

	private static void check(ConfigurableApplicationContext context, boolean withStarter) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpResponse<String> signIn;
		try {
			signIn = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
						HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("The sample started but its sign-in page did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while asking for the sample's sign-in page", ex);
		}
		if (signIn.statusCode() != 200 || !signIn.body().contains("<form")) {
			throw new IllegalStateException(
					"The sample's sign-in page answered " + signIn.statusCode() + " instead of its form");
		}
		boolean standIn = Proxy.isProxyClass(context.getBean(PusherOperations.class).getClass());
		long starterConfigurations = Arrays.stream(context.getBeanDefinitionNames())
			.map(context.getBeanFactory()::getType)
			.filter((type) -> type != null && type.getName().startsWith("io.pusherspring.")
					&& type.isAnnotationPresent(AutoConfiguration.class))
			.count();
		if (withStarter && (standIn || starterConfigurations == 0)) {
			throw new IllegalStateException("The sample started without the starter's auto-configuration");
		}
		if (!withStarter && (!standIn || starterConfigurations > 0)) {
			throw new IllegalStateException("The sample started with " + starterConfigurations
					+ " of the starter's auto-configurations although they are excluded");
		}
	}

	private static PusherConnectionDetails connectionDetails(int apiPort) {
		URI endpoint = URI.create("http://127.0.0.1:" + apiPort);
		return standIn(PusherConnectionDetails.class, (proxy, method, arguments) -> switch (method.getName()) {
			case "getAppId" -> APP_ID;
			case "getKey" -> KEY;
			case "getSecret" -> SECRET;
			case "getEndpoint" -> endpoint;
			default -> method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, arguments) : null;
		});
	}

	/**
	 * A proxy that answers {@code toString}, {@code hashCode} and {@code equals}, and
	 * hands every other method to the handler.
	 */
	private static <T> T standIn(Class<T> type, InvocationHandler handler) {
		return type.cast(Proxy.newProxyInstance(SampleStarts.class.getClassLoader(), new Class<?>[] { type },
				(proxy, method, arguments) -> switch (method.getName()) {
					case "toString" -> "stand-in " + type.getSimpleName();
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == arguments[0];
					default -> handler.invoke(proxy, method, arguments);
				}));
	}

	/**
	 * When the application had started: the context refreshed and the web server running,
	 * before the runners and the ready event.
	 */
	private static final class StartedAt implements ApplicationListener<ApplicationEvent> {

		private long nanos;

		private double uptimeMillis;

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof ApplicationStartedEvent) {
				this.nanos = System.nanoTime();
				this.uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
			}
		}

	}

}
