/**
 * Verified Pusher webhooks: {@link io.pusherspring.webhook.PusherWebhookFilter} (Spring
 * MVC) or {@link io.pusherspring.webhook.PusherWebhookWebFilter} (Spring WebFlux) checks
 * each delivery's key, signature, size and age, and the built-in endpoint publishes its
 * entries as {@link io.pusherspring.webhook.WebhookEvent} application events.
 */
@NullMarked
package io.pusherspring.webhook;

import org.jspecify.annotations.NullMarked;
