package io.pusherspring.integration.instances.ratelimit;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.pusherspring.auth.AuthRateLimiter;
import io.pusherspring.integration.instances.Instance;
import io.pusherspring.integration.servers.PostgresServer;
import io.pusherspring.integration.servers.RedisServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of one application, each with its own auth endpoints, draw on one request
 * budget per user when the budgets live in PostgreSQL or in Redis: taking turns, the
 * user's request after the capacity is refused with 429 and {@code Retry-After} by
 * whichever instance receives it.
 */
class SharedAuthRateLimitTests {

	private static final int CAPACITY = 3;

	@RegisterExtension
	static PostgresServer postgres = new PostgresServer();

	@RegisterExtension
	static RedisServer redis = new RedisServer();

	enum Store {

		POSTGRESQL(PostgresAuthRateLimit.class), REDIS(RedisAuthRateLimit.class);

		private final Class<?> configuration;

		Store(Class<?> configuration) {
			this.configuration = configuration;
		}

	}

	@ParameterizedTest
	@EnumSource
	void alternatingInstancesDrawOnOneBudgetPerUser(Store store) throws Exception {
		Map<String, Object> properties = properties(store);
		try (Instance a = Instance.start("a", properties, LessonsApplication.class, store.configuration);
				Instance b = Instance.start("b", properties, LessonsApplication.class, store.configuration)) {
			assertThat(a.bean(AuthRateLimiter.class)).asString().contains("shared through");
			String user = "ada-" + store.name().toLowerCase();
			List<Instance> turns = List.of(a, b, a, b, a);
			List<HttpResponse<String>> answers = new ArrayList<>();
			for (Instance instance : turns) {
				answers.add(authorize(instance, user));
			}
			assertThat(answers.subList(0, CAPACITY)).allSatisfy((answer) -> {
				assertThat(answer.statusCode()).isEqualTo(200);
				assertThat(answer.body()).contains("\"auth\"");
			});
			assertThat(answers.subList(CAPACITY, answers.size())).allSatisfy((answer) -> {
				assertThat(answer.statusCode()).isEqualTo(429);
				// capacity 3 refilled over an hour: the next request is possible in 20
				// minutes at most
				assertThat(answer.headers().firstValue("Retry-After"))
					.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 1200L));
			});
			assertThat(authorize(b, "grace-" + store.name().toLowerCase()).statusCode())
				.as("another user's budget is untouched")
				.isEqualTo(200);
			assertStoredIn(store, a, "pusher-auth:user:" + user);
		}
	}

	private static HttpResponse<String> authorize(Instance instance, String user) throws Exception {
		return instance.postForm("/pusher/auth", "socket_id=1234.5678&channel_name=private-lesson-7", user,
				LessonsApplication.PASSWORD);
	}

	/**
	 * The budget is where the configuration says, with an expiry, so that idle callers'
	 * budgets do not pile up.
	 */
	private static void assertStoredIn(Store store, Instance instance, String key) {
		if (store == Store.POSTGRESQL) {
			Long expiresAt = instance.bean(JdbcClient.class)
				.sql("SELECT expires_at FROM pusher_auth_bucket WHERE id = ?")
				.param(key)
				.query(Long.class)
				.single();
			assertThat(expiresAt).isGreaterThan(System.currentTimeMillis());
		}
		else {
			RedisClient client = RedisClient.create(redis.getUri());
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				assertThat(connection.sync().pttl(key)).isPositive();
			}
			finally {
				client.shutdown();
			}
		}
	}

	private static Map<String, Object> properties(Store store) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("pusher.app-id", "1");
		properties.put("pusher.key", "lessons-key");
		properties.put("pusher.secret", "lessons-secret");
		properties.put("pusher.auth.rate-limit.capacity", CAPACITY);
		properties.put("pusher.auth.rate-limit.period", "1h");
		if (store == Store.POSTGRESQL) {
			properties.putAll(postgres.dataSourceProperties("postgres"));
			properties.put("spring.sql.init.mode", "always");
			properties.put("spring.sql.init.schema-locations",
					"classpath:io/pusherspring/integration/instances/ratelimit/auth-buckets-postgresql.sql");
		}
		else {
			properties.put("classroom.rate-limit.redis-url", redis.getUri());
		}
		return properties;
	}

}
