package io.pusherspring.integration.servers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@link PostgresServer} runs a real PostgreSQL on a free port under {@code target/} and
 * removes it when stopped.
 */
class PostgresServerTests {

	@Test
	void runsARealPostgresqlUntilStopped() throws Exception {
		PostgresServer postgres = new PostgresServer().start();
		List<Path> running = serverDirectories();
		int port = postgres.getPort();
		try {
			String url = postgres.createDatabase("launcher_check");
			try (Connection connection = DriverManager.getConnection(url, postgres.getUsername(),
					postgres.getPassword()); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
				statement.execute("INSERT INTO t VALUES (1)");
				assertThatException().isThrownBy(() -> statement.execute("INSERT INTO t VALUES (1)"))
					.isInstanceOf(SQLException.class);
				try (ResultSet result = statement.executeQuery("SELECT current_database(), version()")) {
					assertThat(result.next()).isTrue();
					assertThat(result.getString(1)).isEqualTo("launcher_check");
					assertThat(result.getString(2)).startsWith("PostgreSQL");
				}
			}
		}
		finally {
			postgres.stop();
		}
		assertThat(postgres.isRunning()).isFalse();
		assertThatException().isThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close());
		assertThat(running).anyMatch((directory) -> directory.getFileName().toString().startsWith("postgres-"));
		// other servers (soketi, a shared one of another test class) may still run
		assertThat(running).filteredOn((directory) -> directory.getFileName().toString().startsWith("postgres-"))
			.noneMatch(Files::exists);
	}

	static List<Path> serverDirectories() throws IOException {
		try (Stream<Path> paths = Files.list(LocalServers.ROOT)) {
			return paths.toList();
		}
	}

}
