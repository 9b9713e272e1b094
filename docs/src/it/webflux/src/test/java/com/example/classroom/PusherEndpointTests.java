package com.example.classroom;

import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.PusherSignatures;
import io.pusherspring.test.PusherWebTestClientRequests;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockUser;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

@SpringBootTest
@RecordPusherEvents
class PusherEndpointTests {

	@Autowired
	private ApplicationContext context;

	private WebTestClient client;

	@Autowired
	private PusherRecorder pusher;

	private final PusherSignatures signatures = PusherSignatures.forTestCredentials();

	@BeforeEach
	void bindToTheApplication() {
		this.client = WebTestClient.bindToApplicationContext(this.context)
			.apply(springSecurity())
			.configureClient()
			.build();
	}

	@Test
	void tellsTheClassWhenAMemberJoins() {
		PusherWebTestClientRequests.webhook()
			.memberAdded("presence-class-7", "42")
			.post(this.client)
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(this.pusher).hasTriggered("presence-class-7", "roster.changed").withData("{\"joined\": \"42\"}");
	}

	@Test
	void rejectsForgedWebhooks() {
		PusherWebTestClientRequests.webhook()
			.memberAdded("presence-class-7", "42")
			.withWrongSignature()
			.post(this.client)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		assertThat(this.pusher).hasNoEvents();
	}

	@Test
	void authorizesTheUsersPrivateChannel() {
		WebTestClient user42 = this.client.mutateWith(mockUser("42")).mutateWith(csrf());
		PusherWebTestClientRequests.channelAuth(user42, "1234.5678", "private-user-42")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((answer) -> this.signatures.verifyChannelAuthorization("1234.5678", "private-user-42", answer));
	}

	@Test
	void deniesOtherUsersChannels() {
		WebTestClient user42 = this.client.mutateWith(mockUser("42")).mutateWith(csrf());
		PusherWebTestClientRequests.channelAuth(user42, "1234.5678", "private-user-43")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void authorizesClassAnnouncements() {
		WebTestClient user42 = this.client.mutateWith(mockUser("42")).mutateWith(csrf());
		PusherWebTestClientRequests.channelAuth(user42, "1234.5678", "private-class-7-announcements")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((answer) -> this.signatures.verifyChannelAuthorization("1234.5678",
					"private-class-7-announcements", answer));
		PusherWebTestClientRequests.channelAuth(user42, "1234.5678", "private-class-seven-announcements")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void signsTheUserIn() {
		WebTestClient user42 = this.client.mutateWith(mockUser("42")).mutateWith(csrf());
		PusherWebTestClientRequests.userAuth(user42, "1234.5678")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((answer) -> this.signatures.verifyUserAuthentication("1234.5678", answer));
	}

}
