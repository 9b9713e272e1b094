package io.pusherspring.integration.instances.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The auth endpoints' budgets in PostgreSQL, shared by every instance on the same
 * database.
 */
// tag::proxy-manager[]
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class PostgresAuthRateLimit {

	// a row per caller in pusher_auth_bucket, locked while a request draws on it
	@Bean
	PostgreSQLSelectForUpdateBasedProxyManager<String> authBuckets(DataSource dataSource) {
		return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("pusher_auth_bucket")
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	// rows expire a minute after their budget is full again: delete them
	@Bean
	ExpiredBuckets expiredAuthBuckets(PostgreSQLSelectForUpdateBasedProxyManager<String> authBuckets) {
		return new ExpiredBuckets(authBuckets);
	}

	static class ExpiredBuckets {

		private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

		ExpiredBuckets(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
			this.buckets = buckets;
		}

		@Scheduled(fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
		void remove() {
			while (this.buckets.removeExpired(1000) == 1000) {
				// more to delete
			}
		}

	}

}
// end::proxy-manager[]
