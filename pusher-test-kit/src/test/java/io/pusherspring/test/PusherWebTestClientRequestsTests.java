package io.pusherspring.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.pusherspring.auth.ChannelAuthorizer;
import io.pusherspring.auth.PusherUser;
import io.pusherspring.auth.PusherUserResolver;
import io.pusherspring.autoconfigure.PusherAuthAutoConfiguration;
import io.pusherspring.autoconfigure.PusherAutoConfiguration;
import io.pusherspring.autoconfigure.PusherWebhookAutoConfiguration;
import io.pusherspring.test.context.PusherTestCredentials;
import io.pusherspring.webhook.MemberAdded;
import io.pusherspring.webhook.WebhookEvent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PusherWebTestClientRequests} against a Spring WebFlux application with the
 * starter's endpoints, checked by the endpoints themselves and by
 * {@link PusherSignatures}.
 */
class PusherWebTestClientRequestsTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
				PusherAutoConfiguration.class, PusherWebhookAutoConfiguration.class, PusherAuthAutoConfiguration.class))
		.withUserConfiguration(Application.class)
		.withPropertyValues("pusher.app-id=" + PusherTestCredentials.CREDENTIALS.appId(),
				"pusher.key=" + PusherTestCredentials.CREDENTIALS.key(),
				"pusher.secret=" + PusherTestCredentials.CREDENTIALS.secret(), "pusher.auth.allow-anonymous=true");

	private final PusherSignatures signatures = PusherSignatures.forTestCredentials();

	@Test
	void channelAuthIsAFormThePusherAuthEndpointSigns() {
		this.runner.run((context) -> {
			WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
			PusherWebTestClientRequests.channelAuth(client, "1234.5678", "private-open-1")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.value((answer) -> this.signatures.verifyChannelAuthorization("1234.5678", "private-open-1", answer));
			PusherWebTestClientRequests.channelAuth(client, "1234.5678", "private-closed-1")
				.exchange()
				.expectStatus()
				.isForbidden();
		});
	}

	@Test
	void userAuthIsAFormTheUserAuthEndpointSigns() {
		this.runner.run((context) -> {
			WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
			PusherWebTestClientRequests.userAuth(client, "1234.5678")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.value((answer) -> this.signatures.verifyUserAuthentication("1234.5678", answer));
		});
	}

	@Test
	void aWebhookIsSignedAsPusherSignsIt() {
		this.runner.run((context) -> {
			WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
			PusherWebTestClientRequests.webhook()
				.memberAdded("presence-class-7", "42")
				.post(client)
				.exchange()
				.expectStatus()
				.isOk();
			assertThat(context.getBean(Application.class).heard).singleElement()
				.isInstanceOfSatisfying(MemberAdded.class, (event) -> {
					assertThat(event.channel()).isEqualTo("presence-class-7");
					assertThat(event.userId()).isEqualTo("42");
				});
		});
	}

	@Test
	void aForgedWebhookIsRejected() {
		this.runner.run((context) -> {
			WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
			PusherWebTestClientRequests.webhook()
				.channelOccupied("private-a")
				.withWrongSignature()
				.post(client)
				.exchange()
				.expectStatus()
				.isUnauthorized();
			PusherWebTestClientRequests.webhook()
				.channelOccupied("private-a")
				.withKey("another-app")
				.post(client)
				.exchange()
				.expectStatus()
				.isUnauthorized();
			PusherWebTestClientRequests.webhook()
				.channelOccupied("private-a")
				.signedWith("another-app", "another-secret")
				.post(client)
				.exchange()
				.expectStatus()
				.isUnauthorized();
			assertThat(context.getBean(Application.class).heard).isEmpty();
		});
	}

	@Test
	void aWebhookGoesToThePathChosen() {
		this.runner.withPropertyValues("pusher.webhook.path=/hooks/pusher").run((context) -> {
			WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
			PusherWebTestClientRequests.webhook()
				.cacheMiss("private-cache-a")
				.path("/hooks/pusher")
				.post(client)
				.exchange()
				.expectStatus()
				.isOk();
			assertThat(context.getBean(Application.class).heard).hasSize(1);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Application {

		final List<WebhookEvent> heard = new CopyOnWriteArrayList<>();

		@Bean
		ChannelAuthorizer openChannels() {
			return ChannelAuthorizer.permitAll("private-open-{id}");
		}

		@Bean
		PusherUserResolver anyone() {
			return (principal, request) -> PusherUser.of("anonymous-1");
		}

		@EventListener
		void on(WebhookEvent event) {
			this.heard.add(event);
		}

	}

}
