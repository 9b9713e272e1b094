package io.pusherspring.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.pusherspring.auth.PusherAuthorizationEvent;
import io.pusherspring.core.BatchResult;
import io.pusherspring.core.ChannelInfo;
import io.pusherspring.core.TriggerResult;
import io.pusherspring.webhook.PusherWebhook;
import io.pusherspring.webhook.WebhookEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * Binding hints for the library's records that leave it as JSON: the webhook events and
 * {@link PusherWebhook}, and {@link PusherAuthorizationEvent}, which are application
 * events (Spring Modulith's event publication registry stores the events its listeners
 * take with Jackson), and the results of {@link io.pusherspring.core.PusherOperations},
 * which applications return from their own endpoints. The library writes the Pusher
 * protocol's own JSON from maps and trees, which need no hints; the event data of
 * {@code @PusherEvent} methods is covered per bean, by the event package's ahead-of-time
 * processor.
 */
class PusherJsonRuntimeHints implements RuntimeHintsRegistrar {

	private static final String JSON_MAPPER = "tools.jackson.databind.json.JsonMapper";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(JSON_MAPPER, classLoader)) {
			return;
		}
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(),
				records().toArray(Class<?>[]::new));
	}

	static List<Class<?>> records() {
		List<Class<?>> records = new ArrayList<>(List.of(PusherWebhook.class, PusherAuthorizationEvent.class,
				TriggerResult.class, BatchResult.class, ChannelInfo.class));
		records.addAll(Arrays.asList(WebhookEvent.class.getPermittedSubclasses()));
		return records;
	}

}
