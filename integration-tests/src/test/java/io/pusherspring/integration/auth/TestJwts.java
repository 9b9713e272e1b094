package io.pusherspring.integration.auth;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The identity provider of the tests: an RSA key generated per run, a {@link JwtDecoder}
 * that trusts it (as {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} would
 * trust a real provider's keys), and access tokens signed with it.
 */
@Configuration(proxyBeanMethods = false)
public class TestJwts {

	private static final KeyPair keys = generate();

	@Bean
	JwtDecoder jwtDecoder() {
		return NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
	}

	/**
	 * An access token, valid for five minutes.
	 * @param subject the user id
	 * @param roles the user's roles, such as {@code TEACHER}
	 * @return the signed JWT
	 */
	public static String token(String subject, String... roles) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer("https://id.classroom.test")
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(300)))
			.claim("roles", List.of(roles))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		try {
			jwt.sign(new RSASSASigner(keys.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
