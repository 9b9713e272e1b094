package io.pusherspring.integration.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.pusherspring.webhook.PusherWebhook;
import io.pusherspring.webhook.PusherWebhookFilter;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application's own controller on the webhook path: it receives what the filter
 * verified, and the raw body.
 */
@RestController
public class OwnWebhookController {

	final List<PusherWebhook> webhooks = new CopyOnWriteArrayList<>();

	final List<String> bodies = new CopyOnWriteArrayList<>();

	// tag::controller[]
	@PostMapping("/pusher/webhooks")
	String receive(@RequestAttribute(PusherWebhookFilter.WEBHOOK_ATTRIBUTE) PusherWebhook webhook,
			@RequestBody String body) {
		this.webhooks.add(webhook);
		this.bodies.add(body);
		return "handled by the application";
	}
	// end::controller[]

}
