package io.pusherspring.integration.servers;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@link RedisServer} runs a real Redis on a free port under {@code target/} and removes
 * it when stopped.
 */
class RedisServerTests {

	@Test
	void runsARealRedisUntilStopped() throws Exception {
		RedisServer redis = new RedisServer().start();
		List<Path> running = PostgresServerTests.serverDirectories();
		int port = redis.getPort();
		RedisClient client = RedisClient.create(redis.getUri());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			RedisCommands<String, String> commands = connection.sync();
			assertThat(commands.set("greeting", "hello")).isEqualTo("OK");
			assertThat(commands.get("greeting")).isEqualTo("hello");
			assertThat(commands.configGet("save")).containsEntry("save", "");
			assertThat(commands.configGet("appendonly")).containsEntry("appendonly", "no");
		}
		finally {
			client.shutdown();
			redis.stop();
		}
		assertThat(redis.isRunning()).isFalse();
		assertThatException().isThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close());
		assertThat(running).anyMatch((directory) -> directory.getFileName().toString().startsWith("redis-"));
		// other servers (soketi, a shared one of another test class) may still run
		assertThat(running).filteredOn((directory) -> directory.getFileName().toString().startsWith("redis-"))
			.noneMatch(Files::exists);
	}

}
