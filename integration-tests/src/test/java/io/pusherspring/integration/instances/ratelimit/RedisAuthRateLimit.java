package io.pusherspring.integration.instances.ratelimit;

import java.time.Duration;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The auth endpoints' budgets in Redis, shared by every instance on the same server.
 */
// tag::proxy-manager[]
@Configuration(proxyBeanMethods = false)
public class RedisAuthRateLimit {

	@Bean(destroyMethod = "shutdown")
	RedisClient authRateLimitRedis(@Value("${classroom.rate-limit.redis-url}") String url) {
		return RedisClient.create(url);
	}

	@Bean(destroyMethod = "close")
	StatefulRedisConnection<String, byte[]> authRateLimitConnection(RedisClient authRateLimitRedis) {
		return authRateLimitRedis.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
	}

	// a key per caller, deleted by Redis a minute after its budget is full again
	@Bean
	ProxyManager<String> authBuckets(StatefulRedisConnection<String, byte[]> authRateLimitConnection) {
		return Bucket4jLettuce.casBasedBuilder(authRateLimitConnection)
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

}
// end::proxy-manager[]
