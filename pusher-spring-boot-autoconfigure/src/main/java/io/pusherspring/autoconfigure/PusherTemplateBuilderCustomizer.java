package io.pusherspring.autoconfigure;

import io.pusherspring.core.PusherTemplate;

/**
 * Callback that adjusts the {@link PusherTemplate.Builder} of the auto-configured
 * template, and of every template built with the {@link PusherTemplateConfigurer}, after
 * the {@code pusher.*} properties have been applied. Customizer beans are applied in
 * {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface PusherTemplateBuilderCustomizer {

	/**
	 * Adjust the builder.
	 * @param builder the builder of a template
	 */
	void customize(PusherTemplate.Builder builder);

}
