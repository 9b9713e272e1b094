package io.pusherspring.core;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link PusherTemplate} works without Micrometer on the class path: Micrometer is an
 * optional dependency, touched only when an observation registry is set. The template
 * runs here in a class loader that holds the test class path without Micrometer's jars.
 */
class WithoutMicrometerTests {

	@Test
	void theTemplatePublishesAndQueriesWithoutMicrometer() throws Exception {
		try (URLClassLoader loader = new URLClassLoader(classPathWithoutMicrometer(),
				ClassLoader.getPlatformClassLoader())) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> loader.loadClass("io.micrometer.observation.ObservationRegistry"));
			Class<?> calls = loader.loadClass(TemplateCalls.class.getName());
			assertThat(calls.getClassLoader()).isSameAs(loader);
			@SuppressWarnings("unchecked")
			Callable<List<String>> call = (Callable<List<String>>) calls.getDeclaredConstructor().newInstance();
			assertThat(call.call()).containsExactly("POST /events", "POST /batch_events", "POST /events",
					"GET /channels/presence-room", "refused: PusherValidationException");
		}
	}

	private static URL[] classPathWithoutMicrometer() throws MalformedURLException {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<URL> urls = new ArrayList<>();
		for (String entry : classPath.split(File.pathSeparator)) {
			if (!entry.isEmpty() && !entry.replace(File.separatorChar, '/').contains("/io/micrometer/")) {
				urls.add(new File(entry).toURI().toURL());
			}
		}
		assertThat(urls).anySatisfy((url) -> assertThat(url.getPath()).endsWith("/test-classes/"));
		return urls.toArray(URL[]::new);
	}

	/**
	 * Runs in the class loader without Micrometer: a trigger, a batch, an asynchronous
	 * trigger, a query and a refused call.
	 */
	public static class TemplateCalls implements Callable<List<String>> {

		@Override
		public List<String> call() {
			ScriptedTransport transport = new ScriptedTransport();
			PusherTemplate template = PusherTemplate.builder(transport).build();
			template.trigger("orders", "created", "{}");
			template.triggerBatch(List.of(PusherMessage.of("orders", "paid", "{}")));
			template.triggerAsync(PusherMessage.of("orders", "shipped", "{}")).join();
			template.channel("presence-room");
			List<String> done = new ArrayList<>(transport.requests().stream().map(PusherRequest::describe).toList());
			try {
				template.trigger("bad channel", "created", "{}");
			}
			catch (PusherException ex) {
				done.add("refused: " + ex.getClass().getSimpleName());
			}
			return done;
		}

	}

}
