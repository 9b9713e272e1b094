package io.pusherspring.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.http.util.VersionInfo;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the starter brings to an application's class path, and what it keeps off it. The
 * transport sends over HttpClient 5; HttpClient 4 is there only because pusher-http-java
 * (kept for end-to-end encryption) depends on it.
 */
class StarterClassPathTests {

	private static final String[] LIBRARY_PACKAGES = { "core", "auth", "event", "webhook", "autoconfigure" };

	@Test
	void pusherHttpJavasAsyncHttpClientIsNotOnTheClassPath() {
		assertThat(ClassUtils.isPresent("org.asynchttpclient.AsyncHttpClient", null)).isFalse();
		// Netty's transport and HTTP codec are on this test class path for the test kit's
		// LocalPusherServer; the proxy and SOCKS parts async-http-client brings are not
		assertThat(ClassUtils.isPresent("io.netty.handler.proxy.ProxyHandler", null)).isFalse();
		assertThat(ClassUtils.isPresent("io.netty.handler.codec.socksx.SocksMessage", null)).isFalse();
	}

	@Test
	void theTestKitBringsNoOtherWebServer() {
		// LocalPusherServer runs on plain Netty: no Jetty or Reactor Netty comes with it
		assertThat(ClassUtils.isPresent("io.pusherspring.test.LocalPusherServer", null)).isTrue();
		assertThat(ClassUtils.isPresent("io.netty.channel.Channel", null)).isTrue();
		assertThat(ClassUtils.isPresent("org.eclipse.jetty.server.Server", null)).isFalse();
		assertThat(ClassUtils.isPresent("reactor.netty.http.server.HttpServer", null)).isFalse();
	}

	@Test
	void theTransportsClassicAndAsyncHttpClient5ArePresent() {
		assertThat(ClassUtils.isPresent("org.apache.hc.client5.http.impl.classic.HttpClients", null)).isTrue();
		assertThat(ClassUtils.isPresent("org.apache.hc.client5.http.impl.async.HttpAsyncClients", null)).isTrue();
	}

	@Test
	void noClassOfTheLibraryRefersToHttpClient4() throws IOException {
		List<Resource> classes = libraryClasses();
		assertThat(classes).hasSizeGreaterThan(50);
		assertThat(classes).allSatisfy(
				(resource) -> assertThat(new String(resource.getContentAsByteArray(), StandardCharsets.ISO_8859_1))
					.as(resource.getDescription())
					.doesNotContain("org/apache/http/"));
	}

	@Test
	void httpClient4ComesWithPusherHttpJavaAndIsTheLastRelease() {
		assertThat(ClassUtils.isPresent("com.pusher.rest.Pusher", null)).isTrue();
		VersionInfo version = VersionInfo.loadVersionInfo("org.apache.http.client", getClass().getClassLoader());
		assertThat(version.getRelease()).isEqualTo("4.5.14");
	}

	private static List<Resource> libraryClasses() throws IOException {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		List<Resource> classes = new ArrayList<>();
		for (String name : LIBRARY_PACKAGES) {
			classes.addAll(List.of(resolver.getResources("classpath*:io/pusherspring/" + name + "/**/*.class")));
		}
		return classes;
	}

}
