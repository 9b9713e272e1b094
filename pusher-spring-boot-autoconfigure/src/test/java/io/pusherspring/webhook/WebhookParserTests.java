package io.pusherspring.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link WebhookParser}, with bodies shaped like those Pusher documents.
 */
class WebhookParserTests {

	private static final Instant TIME = Instant.ofEpochMilli(1700000000123L);

	@Test
	void readsEveryKindOfEventPusherSends() throws Exception {
		PusherWebhook webhook = parse("""
				{"time_ms": 1700000000123, "events": [
				  {"name": "channel_occupied", "channel": "private-a"},
				  {"name": "channel_vacated", "channel": "private-b"},
				  {"name": "member_added", "channel": "presence-c", "user_id": "42"},
				  {"name": "member_removed", "channel": "presence-c", "user_id": "43"},
				  {"name": "client_event", "channel": "private-d", "event": "client-typing",
				   "data": "{\\"typing\\":true}", "socket_id": "1234.5678"},
				  {"name": "client_event", "channel": "presence-c", "event": "client-moved",
				   "data": "{\\"x\\":1}", "socket_id": "1234.5679", "user_id": "42"},
				  {"name": "cache_miss", "channel": "cache-e"},
				  {"name": "subscription_count", "channel": "private-f", "subscription_count": 12}
				]}""");
		assertThat(webhook.time()).isEqualTo(TIME);
		assertThat(webhook.events()).containsExactly(new ChannelOccupied("private-a", "d-0", TIME),
				new ChannelVacated("private-b", "d-1", TIME), new MemberAdded("presence-c", "42", "d-2", TIME),
				new MemberRemoved("presence-c", "43", "d-3", TIME),
				new ClientEvent("private-d", "client-typing", "{\"typing\":true}", "1234.5678", null, "d-4", TIME),
				new ClientEvent("presence-c", "client-moved", "{\"x\":1}", "1234.5679", "42", "d-5", TIME),
				new CacheMiss("cache-e", "d-6", TIME), new SubscriptionCount("private-f", 12, "d-7", TIME));
		assertThat(webhook.events()).extracting(WebhookEvent::name)
			.containsExactly("channel_occupied", "channel_vacated", "member_added", "member_removed", "client_event",
					"client_event", "cache_miss", "subscription_count");
	}

	@Test
	void keepsEventsOfUnknownNamesWithAllTheirFields() throws Exception {
		PusherWebhook webhook = parse("""
				{"time_ms": 1700000000123, "events": [
				  {"name": "channel_renamed", "channel": "private-a", "to": "private-b"},
				  {"name": "app_suspended", "reason": {"plan": "free"}}
				]}""");
		assertThat(webhook.events()).containsExactly(
				new UnknownWebhookEvent("channel_renamed", "private-a",
						"{\"name\":\"channel_renamed\",\"channel\":\"private-a\",\"to\":\"private-b\"}", "d-0", TIME),
				new UnknownWebhookEvent("app_suspended", "",
						"{\"name\":\"app_suspended\",\"reason\":{\"plan\":\"free\"}}", "d-1", TIME));
	}

	@Test
	void acceptsADeliveryWithoutEvents() throws Exception {
		assertThat(parse("{\"time_ms\":1700000000123,\"events\":[]}").events()).isEmpty();
	}

	@Test
	void keepsClientDataThatIsJsonItselfAsItsText() throws Exception {
		PusherWebhook webhook = parse("""
				{"time_ms": 1, "events": [{"name": "client_event", "channel": "private-d", "event": "client-moved",
				  "data": {"x": 1, "y": [2]}, "socket_id": "1.2"}]}""");
		assertThat(webhook.events(ClientEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.data()).isEqualTo("{\"x\":1,\"y\":[2]}"));
	}

	@Test
	void readsClientDataIntoATypeOnRequest() throws Exception {
		ClientEvent event = parse("""
				{"time_ms": 1, "events": [{"name": "client_event", "channel": "private-d", "event": "client-moved",
				  "data": "{\\"x\\":3,\\"y\\":4,\\"z\\":5}", "socket_id": "1.2"}]}""").events(ClientEvent.class).get(0);
		assertThat(event.data(Cursor.class)).isEqualTo(new Cursor(3, 4));
		assertThat(event.data(Map.class)).containsEntry("z", 5);
		ClientEvent text = new ClientEvent("private-d", "client-said", "hello", "1.2", null, "d-0", TIME);
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> text.data(Cursor.class));
	}

	@Test
	void selectsEventsOfOneKind() throws Exception {
		PusherWebhook webhook = parse("""
				{"time_ms": 1, "events": [
				  {"name": "member_added", "channel": "presence-c", "user_id": "1"},
				  {"name": "channel_occupied", "channel": "presence-c"},
				  {"name": "member_added", "channel": "presence-c", "user_id": "2"}]}""");
		assertThat(webhook.events(MemberAdded.class)).extracting(MemberAdded::userId).containsExactly("1", "2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\":\"channel_occupied\"}", "{\"name\":\"channel_occupied\",\"channel\":\"\"}",
			"{\"name\":\"channel_occupied\",\"channel\":7}", "{\"channel\":\"private-a\"}", "{\"name\":null}",
			"{\"name\":\"member_added\",\"channel\":\"presence-a\"}",
			"{\"name\":\"member_removed\",\"channel\":\"presence-a\",\"user_id\":42}",
			"{\"name\":\"client_event\",\"channel\":\"private-a\",\"event\":\"client-a\",\"socket_id\":\"1.2\"}",
			"{\"name\":\"client_event\",\"channel\":\"private-a\",\"data\":\"{}\",\"socket_id\":\"1.2\"}",
			"{\"name\":\"client_event\",\"channel\":\"private-a\",\"event\":\"client-a\",\"data\":\"{}\"}",
			"{\"name\":\"subscription_count\",\"channel\":\"private-a\"}",
			"{\"name\":\"subscription_count\",\"channel\":\"private-a\",\"subscription_count\":-1}",
			"{\"name\":\"subscription_count\",\"channel\":\"private-a\",\"subscription_count\":\"3\"}",
			"{\"name\":\"subscription_count\",\"channel\":\"private-a\",\"subscription_count\":3000000000}",
			"{\"name\":\"channel_renamed\",\"channel\":[\"private-a\"]}", "\"member_added\"", "null" })
	void refusesEventsWithoutTheFieldsPusherSends(String event) {
		assertThatExceptionOfType(MalformedWebhookException.class)
			.isThrownBy(() -> parse("{\"time_ms\":1,\"events\":[" + event + "]}"))
			.withMessageStartingWith("event 0 ");
	}

	@Test
	void errorMessagesNameTheFieldNotItsValue() {
		assertThatExceptionOfType(MalformedWebhookException.class)
			.isThrownBy(() -> parse("{\"time_ms\":1,\"events\":[{\"name\":\"member_added\",\"channel\":\"presence-x\","
					+ "\"user_id\":[\"leaked\"]}]}"))
			.withMessage("event 0 has a 'user_id' that is not a string");
	}

	private static PusherWebhook parse(String body) throws MalformedWebhookException {
		return WebhookParser.parse(body.getBytes(StandardCharsets.UTF_8), "d");
	}

	record Cursor(int x, int y) {
	}

}
