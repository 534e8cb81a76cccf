package org.xietong.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server of the data folder's own, in {@code <home>/postgres}: durable
 * (fsync, synchronous commit and full-page writes on, unlike the library's test
 * defaults), one live instance per folder (a file lock that the operating system releases
 * when the process dies), and a server left running by an instance that was killed is
 * stopped before a new one starts on the same files.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	/** The database the platform uses inside the embedded server. */
	public static final String DATABASE = "xietong";

	static final String USER = "postgres";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static final Duration STARTUP_WAIT = Duration.ofMinutes(5);

	private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofMinutes(2);

	private final Path home;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(Path home, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
		this.home = home;
		this.lockChannel = lockChannel;
		this.lock = lock;
		this.postgres = postgres;
	}

	/**
	 * Starts (and on first use creates) the embedded database of a data folder.
	 * @throws EmbeddedDatabaseLocked when another live process uses the folder
	 */
	public static EmbeddedDatabase start(Path home) {
		Path folder = home.toAbsolutePath().normalize();
		FileChannel channel = null;
		try {
			Files.createDirectories(folder);
			channel = FileChannel.open(folder.resolve("postgres.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.READ, StandardOpenOption.WRITE);
			FileLock lock = tryLock(channel);
			if (lock == null) {
				String holder = holder(channel);
				channel.close();
				throw new EmbeddedDatabaseLocked(folder, holder);
			}
			channel.truncate(0);
			channel.write(
					ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)),
					0);
			Path data = folder.resolve("postgres");
			stopOrphan(data);
			EmbeddedPostgres postgres = server(data);
			ensureDatabase(postgres);
			log.info("Embedded PostgreSQL serves {} on port {}, its files in {}", DATABASE, postgres.getPort(), data);
			return new EmbeddedDatabase(folder, channel, lock, postgres);
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new UncheckedIOException("could not start the embedded PostgreSQL in " + folder, ex);
		}
		catch (RuntimeException ex) {
			closeQuietly(channel);
			throw ex;
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/" + DATABASE;
	}

	public int port() {
		return this.postgres.getPort();
	}

	public Path home() {
		return this.home;
	}

	/** Stops the server, after everything that uses it has closed its connections. */
	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			log.warn("Could not stop the embedded PostgreSQL cleanly", ex);
		}
		finally {
			closeQuietly(this.lockChannel);
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			return null;
		}
	}

	private static String holder(FileChannel channel) {
		try {
			ByteBuffer buffer = ByteBuffer.allocate(32);
			int read = channel.read(buffer, 0);
			String pid = (read > 0) ? new String(buffer.array(), 0, read, StandardCharsets.US_ASCII).trim() : "";
			return pid.isEmpty() ? "" : " (process " + pid + ")";
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * A {@code postmaster.pid} whose process still runs postgres belongs to a server that
	 * the previous instance left behind when it was killed: we hold the folder's lock, so
	 * no live instance uses it. A fast shutdown (SIGINT) rolls back nothing that was
	 * committed.
	 */
	private static void stopOrphan(Path data) throws IOException {
		Path pidFile = data.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
		if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
			return;
		}
		long pid = Long.parseLong(lines.get(0).trim());
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty() || !isPostgres(pid)) {
			return;
		}
		log.warn("Stopping the embedded PostgreSQL (process {}) left running by an instance that did not stop it", pid);
		signal(pid, "INT");
		if (!waitForExit(process.get(), ORPHAN_SHUTDOWN_WAIT)) {
			log.warn("The left-over PostgreSQL did not stop within {}; stopping it immediately", ORPHAN_SHUTDOWN_WAIT);
			signal(pid, "QUIT");
			if (!waitForExit(process.get(), ORPHAN_SHUTDOWN_WAIT)) {
				throw new IllegalStateException("The PostgreSQL server " + pid + " left running on " + data
						+ " does not stop; stop it by hand and start again.");
			}
		}
	}

	private static boolean isPostgres(long pid) {
		try {
			byte[] commandLine = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
			return new String(commandLine, StandardCharsets.UTF_8).contains("postgres");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void signal(long pid, String signal) throws IOException {
		try {
			new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO()
				.start()
				.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while stopping PostgreSQL " + pid, ex);
		}
	}

	private static boolean waitForExit(ProcessHandle process, Duration wait) {
		try {
			process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			return !process.isAlive();
		}
	}

	private static EmbeddedPostgres server(Path data) throws IOException {
		// The binaries unpack into a folder of the user's own: another account's copy in
		// a
		// shared /tmp would not be writable.
		Path binaries = Path.of(System.getProperty("java.io.tmpdir"),
				"xietong-postgres-" + System.getProperty("user.name"));
		return EmbeddedPostgres.builder()
			.setOverrideWorkingDirectory(binaries.toFile())
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPGStartupWait(STARTUP_WAIT)
			.setLocaleConfig("locale", "C.UTF-8")
			// The library's defaults are for throw-away test databases; these make a
			// commit
			// that was answered survive a crash of the machine, not only of the JVM.
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("max_connections", "100")
			.setServerConfig("logging_collector", "on")
			.setServerConfig("log_directory", "log")
			.setServerConfig("log_filename", "postgresql-%a.log")
			.setServerConfig("log_truncate_on_rotation", "on")
			.setServerConfig("log_rotation_age", "1d")
			.start();
	}

	private static void ensureDatabase(EmbeddedPostgres postgres) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, DATABASE);
			try (ResultSet rows = exists.executeQuery()) {
				if (rows.next()) {
					return;
				}
			}
			try (Statement create = connection.createStatement()) {
				create.execute("create database " + DATABASE
						+ " template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create the database " + DATABASE + " in the embedded PostgreSQL",
					ex);
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// nothing left to do
		}
	}

}
