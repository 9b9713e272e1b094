package io.pusherspring.integration.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
public class ClassroomSecurity {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/error").permitAll().anyRequest().authenticated())
			// Browsers with a session send the XSRF-TOKEN cookie back as X-XSRF-TOKEN;
			// callers with a bearer token need no CSRF token.
			.csrf((csrf) -> csrf.spa())
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.jwtAuthenticationConverter(rolesFromJwt())))
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	// The JWT's "roles" claim becomes ROLE_ authorities: ["TEACHER"] gives ROLE_TEACHER.
	private static JwtAuthenticationConverter rolesFromJwt() {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName("roles");
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(roles);
		return converter;
	}

}
