package io.pusherspring.integration.operating;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import io.pusherspring.auth.ChannelAuthorizer;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.integration.webhook.docs.WebhookSecurity;
import io.pusherspring.test.FakePusherServer;
import io.pusherspring.test.PusherRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What an application with Spring Boot's actuator gets: timers named {@code pusher.*},
 * tagged by event name, decision and webhook outcome but never by channel, and spans that
 * name the channels.
 */
@SpringBootTest(classes = MetricsAndTracesTests.Application.class)
@AutoConfigureMockMvc
class MetricsAndTracesTests {

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@Autowired
	private PusherOperations pusherOperations;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private SimpleTracer tracer;

	@Autowired
	private MockMvc mvc;

	@Test
	void templateCallsAreTimersTaggedByEventAndSpansNamingTheChannels() {
		this.pusherOperations.trigger(List.of("private-class-7", "private-class-8"), "quiz.started", Map.of("id", 1));
		assertThat(this.meters.get("pusher.template")
			.tags("operation", "trigger", "event", "quiz.started", "channel.kind", "private", "outcome", "success",
					"error.type", "none")
			.timer()
			.count()).isEqualTo(1);
		assertThat(spans("pusher trigger quiz.started")).singleElement()
			.satisfies((span) -> assertThat(span.getTags()).containsEntry("channels", "private-class-7,private-class-8")
				.containsEntry("event", "quiz.started"));
		assertNoTagNamesAChannel();
	}

	@Test
	void authDecisionsAreTimersTaggedByOutcomeAndPattern() throws Exception {
		this.mvc.perform(PusherRequests.channelAuth("1234.5678", "private-class-7").with(user("42")).with(csrf()))
			.andExpect(status().isOk());
		this.mvc.perform(PusherRequests.channelAuth("1234.5678", "private-class-9").with(user("42")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.meters.get("pusher.auth")
			.tags("kind", "channel_authorization", "outcome", "granted", "pattern", "private-class-{classId}")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.meters.get("pusher.auth")
			.tags("kind", "channel_authorization", "outcome", "denied", "pattern", "private-class-{classId}")
			.timer()
			.count()).isEqualTo(1);
		assertThat(spans("pusher channel_authorization")).anySatisfy(
				(span) -> assertThat(span.getTags()).containsEntry("channel", "private-class-9").containsKey("reason"));
		assertNoTagNamesAChannel();
	}

	@Test
	void webhookDeliveriesAreTimersByOutcomeReasonAndEventType() throws Exception {
		this.mvc
			.perform(PusherRequests.webhook()
				.memberAdded("presence-class-7", "42")
				.signedWith(pusher.getKey(), pusher.getSecret()))
			.andExpect(status().isOk());
		this.mvc
			.perform(PusherRequests.webhook()
				.memberAdded("presence-class-7", "42")
				.signedWith(pusher.getKey(), pusher.getSecret())
				.withWrongSignature())
			.andExpect(status().isUnauthorized());
		assertThat(this.meters.get("pusher.webhook").tags("outcome", "accepted", "reason", "none").timer().count())
			.isEqualTo(1);
		assertThat(this.meters.get("pusher.webhook")
			.tags("outcome", "rejected", "reason", "invalid_signature")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.meters.get("pusher.webhook.event")
			.tags("event.type", "member_added", "outcome", "success")
			.timer()
			.count()).isEqualTo(1);
		assertNoTagNamesAChannel();
	}

	private List<SimpleSpan> spans(String name) {
		return this.tracer.getSpans().stream().filter((span) -> name.equals(span.getName())).toList();
	}

	private void assertNoTagNamesAChannel() {
		for (Meter meter : this.meters.getMeters()) {
			if (meter.getId().getName().startsWith("pusher.")) {
				assertThat(meter.getId().getTags()).extracting(Tag::getKey).doesNotContain("channel", "channels");
				assertThat(meter.getId().getTags()).extracting(Tag::getValue)
					.noneMatch((value) -> value.contains("class-7"));
			}
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(WebhookSecurity.class)
	static class Application {

		@Bean
		SimpleTracer tracer() {
			return new SimpleTracer();
		}

		@Bean
		ChannelAuthorizer classChannels() {
			return ChannelAuthorizer.allowIf("private-class-{classId}",
					(context) -> context.variable("classId").equals("7"));
		}

	}

}
