package io.pusherspring.sample;

import org.apache.http.util.VersionInfo;
import org.junit.jupiter.api.Test;

import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the starter brings to an application's class path, and what it keeps off it.
 *
 * @author pusher-spring-boot
 */
class StarterClassPathTests {

	@Test
	void pusherHttpJavasAsyncHttpClientIsNotOnTheClassPath() {
		assertThat(ClassUtils.isPresent("org.asynchttpclient.AsyncHttpClient", null)).isFalse();
		// Netty's transport and HTTP codec are on this test class path for the test kit's
		// LocalPusherServer; the proxy and SOCKS parts async-http-client brings are not
		assertThat(ClassUtils.isPresent("io.netty.handler.proxy.ProxyHandler", null)).isFalse();
		assertThat(ClassUtils.isPresent("io.netty.handler.codec.socksx.SocksMessage", null)).isFalse();
	}

	@Test
	void httpClient4IsTheLastRelease() {
		VersionInfo version = VersionInfo.loadVersionInfo("org.apache.http.client", getClass().getClassLoader());
		assertThat(version.getRelease()).isEqualTo("4.5.14");
	}

	@Test
	void bothHttpClientsOfTheDefaultTransportArePresent() {
		assertThat(ClassUtils.isPresent("org.apache.http.impl.client.HttpClients", null)).isTrue();
		assertThat(ClassUtils.isPresent("org.apache.hc.client5.http.impl.async.HttpAsyncClients", null)).isTrue();
	}

}
