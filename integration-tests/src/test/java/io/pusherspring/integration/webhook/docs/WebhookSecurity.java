package io.pusherspring.integration.webhook.docs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security for an application that receives Pusher webhooks: Pusher has no session
 * and no CSRF token, and the starter's filter has already verified the signature before
 * Spring Security's filters run.
 */
@Configuration(proxyBeanMethods = false)
public class WebhookSecurity {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http,
			@Value("${pusher.webhook.path:/pusher/webhooks}") String webhookPath) throws Exception {
		// tag::webhook-security[]
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, webhookPath).permitAll());
		http.csrf((csrf) -> csrf.ignoringRequestMatchers(webhookPath));
		// end::webhook-security[]
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
		return http.httpBasic(Customizer.withDefaults()).build();
	}

}
