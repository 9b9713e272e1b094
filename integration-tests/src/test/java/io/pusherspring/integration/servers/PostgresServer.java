package io.pusherspring.integration.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server for a test class: Debian's {@code postgresql} binaries
 * ({@code /usr/lib/postgresql/<version>/bin}, the newest installed), a fresh cluster
 * under {@code target/servers} on a free port of 127.0.0.1, trust authentication for the
 * user {@code postgres}, and no durability ({@code fsync=off}), so that it starts in well
 * under a second. Run as root (as CI does), the server runs as the {@code postgres} user
 * that Debian's package creates, because PostgreSQL refuses to run as root.
 * <p>
 * Register it as a JUnit 5 extension ({@code @RegisterExtension static PostgresServer
 * postgres = new PostgresServer();}) to have it started before the class's tests and
 * stopped after them, or call {@link #start()} and {@link #stop()}. A JVM shutdown hook
 * stops it too; a server a killed JVM left behind is stopped and removed by the next
 * start. Without the binaries the test fails under CI and is skipped elsewhere.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {

	private static final Path DEBIAN = Path.of("/usr/lib/postgresql");

	private static final String USER = "postgres";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private @Nullable Path directory;

	private @Nullable List<String> asServerUser;

	private @Nullable Path binaries;

	private @Nullable Thread shutdownHook;

	private int port;

	/**
	 * Start the server, unless it runs.
	 * @return this server
	 */
	public synchronized PostgresServer start() {
		if (this.directory != null) {
			return this;
		}
		Path binaries = findBinaries().orElseGet(() -> {
			LocalServers.missing("PostgreSQL (initdb and pg_ctl)", "postgresql");
			throw new IllegalStateException("unreachable");
		});
		List<String> asServerUser = LocalServers.isRoot() ? List.of("runuser", "-u", USER, "--") : List.of();
		try {
			Path directory = LocalServers.newDirectory("postgres",
					(stale) -> stopQuietly(binaries, asServerUser, stale));
			if (LocalServers.isRoot()) {
				UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
				Files.setOwner(directory, users.lookupPrincipalByName(USER));
			}
			LocalServers.run(TIMEOUT,
					LocalServers.command(asServerUser, binaries.resolve("initdb").toString(), "--pgdata",
							data(directory).toString(), "--username", USER, "--auth", "trust", "--encoding", "UTF8",
							"--locale", "C", "--no-sync"));
			this.port = startServer(binaries, asServerUser, directory);
			this.directory = directory;
			this.binaries = binaries;
			this.asServerUser = asServerUser;
			this.shutdownHook = new Thread(() -> {
				stopQuietly(binaries, asServerUser, directory);
				LocalServers.delete(directory);
			}, "postgres-stop");
			Runtime.getRuntime().addShutdownHook(this.shutdownHook);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stop the server and remove its files, if it runs.
	 */
	public synchronized void stop() {
		if (this.directory == null || this.binaries == null || this.asServerUser == null) {
			return;
		}
		Path directory = this.directory;
		this.directory = null;
		try {
			LocalServers.run(TIMEOUT, LocalServers.command(this.asServerUser, pgCtl(this.binaries), "stop", "--pgdata",
					data(directory).toString(), "--mode", "immediate", "--wait", "--silent"));
		}
		finally {
			LocalServers.delete(directory);
			removeShutdownHook();
		}
	}

	/**
	 * Whether the server runs.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public synchronized boolean isRunning() {
		return this.directory != null;
	}

	/**
	 * The port the server listens on, on 127.0.0.1.
	 * @return the port
	 */
	public synchronized int getPort() {
		if (this.directory == null) {
			throw new IllegalStateException("The PostgreSQL server is not running");
		}
		return this.port;
	}

	/**
	 * The JDBC URL of the database {@code postgres}.
	 * @return the URL
	 */
	public String getJdbcUrl() {
		return getJdbcUrl("postgres");
	}

	/**
	 * The JDBC URL of a database of this server.
	 * @param database the database's name
	 * @return the URL
	 */
	public String getJdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + getPort() + "/" + database;
	}

	/**
	 * The user to connect as: {@code postgres}, a superuser.
	 * @return the user name
	 */
	public String getUsername() {
		return USER;
	}

	/**
	 * The password: any (the server trusts connections from 127.0.0.1).
	 * @return the password
	 */
	public String getPassword() {
		return "";
	}

	/**
	 * Create a database, so that each test can have its own.
	 * @param database the new database's name (letters, digits and underscores)
	 * @return its JDBC URL
	 */
	public String createDatabase(String database) {
		if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
			throw new IllegalArgumentException("Not a plain database name: " + database);
		}
		try (Connection connection = DriverManager.getConnection(getJdbcUrl(), getUsername(), getPassword());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + database, ex);
		}
		return getJdbcUrl(database);
	}

	/**
	 * The {@code spring.datasource.*} properties of a database of this server.
	 * @param database the database's name
	 * @return the properties
	 */
	public Map<String, Object> dataSourceProperties(String database) {
		return Map.of("spring.datasource.url", getJdbcUrl(database), "spring.datasource.username", getUsername(),
				"spring.datasource.password", getPassword());
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	@Override
	public String toString() {
		return "PostgresServer[" + (isRunning() ? getJdbcUrl() : "stopped") + "]";
	}

	private static int startServer(Path binaries, List<String> asServerUser, Path directory) {
		IllegalStateException failure = null;
		for (int attempt = 0; attempt < 3; attempt++) {
			// another process may take the free port before the server binds it: try
			// another
			int port = LocalServers.freePort();
			Path log = directory.resolve("postgres.log");
			String options = String.join(" ", "-c listen_addresses=127.0.0.1", "-c port=" + port,
					"-c unix_socket_directories=''", "-c fsync=off", "-c synchronous_commit=off",
					"-c full_page_writes=off", "-c shared_buffers=16MB", "-c max_connections=100");
			try {
				LocalServers.run(TIMEOUT,
						LocalServers.command(asServerUser, pgCtl(binaries), "start", "--pgdata",
								data(directory).toString(), "--log", log.toString(), "--options", options, "--wait",
								"--timeout", Long.toString(TIMEOUT.toSeconds()), "--silent"));
				return port;
			}
			catch (IllegalStateException ex) {
				failure = new IllegalStateException(
						"PostgreSQL did not start; its log:" + System.lineSeparator() + LocalServers.tail(log), ex);
			}
		}
		throw failure;
	}

	private static void stopQuietly(Path binaries, List<String> asServerUser, Path directory) {
		if (Files.exists(data(directory).resolve("postmaster.pid"))) {
			try {
				LocalServers.run(TIMEOUT, LocalServers.command(asServerUser, pgCtl(binaries), "stop", "--pgdata",
						data(directory).toString(), "--mode", "immediate", "--wait", "--silent"));
			}
			catch (RuntimeException ex) {
				// not running any more
			}
		}
	}

	private void removeShutdownHook() {
		if (this.shutdownHook != null) {
			try {
				Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
			}
			catch (IllegalStateException ex) {
				// the JVM is shutting down, and the hook runs
			}
			this.shutdownHook = null;
		}
	}

	private static Path data(Path directory) {
		return directory.resolve("data");
	}

	private static String pgCtl(Path binaries) {
		return binaries.resolve("pg_ctl").toString();
	}

	/**
	 * The newest {@code /usr/lib/postgresql/<version>/bin} that holds {@code initdb} and
	 * {@code pg_ctl}.
	 */
	private static Optional<Path> findBinaries() {
		if (!Files.isDirectory(DEBIAN)) {
			return Optional.empty();
		}
		try (Stream<Path> versions = Files.list(DEBIAN)) {
			return versions.filter((version) -> version.getFileName().toString().matches("\\d+(\\.\\d+)?"))
				.map((version) -> version.resolve("bin"))
				.filter((bin) -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
				.max(Comparator.comparingDouble((bin) -> Double.parseDouble(bin.getParent().getFileName().toString())));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}
