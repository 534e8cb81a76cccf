package org.xietong.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The data folder's own PostgreSQL: durable, one instance at a time, recovered after a
 * kill.
 */
class EmbeddedDatabaseTests {

	@TempDir
	Path home;

	@Test
	void runsWithDurableSettingsAndKeepsCommittedRowsAcrossRestarts() throws SQLException {
		try (EmbeddedDatabase database = EmbeddedDatabase.start(this.home)) {
			assertThat(setting(database, "fsync")).isEqualTo("on");
			assertThat(setting(database, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(database, "full_page_writes")).isEqualTo("on");
			assertThat(setting(database, "lc_ctype")).isEqualTo("C.UTF-8");
			execute(database, "create table kept (name text)", "insert into kept values ('吉林大学')");
		}
		assertThat(this.home.resolve("postgres").resolve("PG_VERSION")).exists();
		try (EmbeddedDatabase again = EmbeddedDatabase.start(this.home)) {
			assertThat(query(again, "select name from kept")).isEqualTo("吉林大学");
		}
	}

	@Test
	void refusesASecondInstanceOnTheSameDataFolderAndLeavesTheFirstRunning() throws SQLException {
		try (EmbeddedDatabase first = EmbeddedDatabase.start(this.home)) {
			assertThatThrownBy(() -> EmbeddedDatabase.start(this.home)).isInstanceOf(EmbeddedDatabaseLocked.class)
				.hasMessageContaining(this.home.toAbsolutePath().normalize().toString())
				.hasMessageContaining("another running Xietong");
			assertThat(query(first, "select 1")).isEqualTo("1");
		}
	}

	@Test
	void afterTheJvmIsKilledTheNextStartStopsTheServerItLeftAndKeepsWhatItCommitted() throws Exception {
		Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), KilledInstance.class.getName(), this.home.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = output.readLine()) != null && !line.equals(KilledInstance.READY)) {
				// the server's start-up lines
			}
			assertThat(line).isEqualTo(KilledInstance.READY);
			killed.destroyForcibly().waitFor();
		}
		long orphan = postmasterPid();
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

		try (EmbeddedDatabase next = EmbeddedDatabase.start(this.home)) {
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			assertThat(postmasterPid()).isNotEqualTo(orphan);
			assertThat(query(next, "select count(*) from answered")).isEqualTo("500");
		}
	}

	/**
	 * A JVM that commits rows on the embedded database and waits to be killed with -9.
	 */
	static final class KilledInstance {

		static final String READY = "committed, kill me";

		public static void main(String[] args) throws Exception {
			EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]));
			execute(database, "create table answered (n int)", "insert into answered select generate_series(1, 500)");
			System.out.println(READY);
			System.out.flush();
			Thread.sleep(Duration.ofMinutes(5).toMillis());
		}

	}

	@Test
	void stopsItsServerWhenClosed() throws IOException {
		EmbeddedDatabase database = EmbeddedDatabase.start(this.home);
		long pid = postmasterPid();
		database.close();
		// pg_ctl returns once the server removed its pid file, a moment before it exits
		ProcessHandle.of(pid).ifPresent(process -> process.onExit().orTimeout(10, TimeUnit.SECONDS).join());
		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
		assertThat(this.home.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
	}

	@Test
	void restoresAPgDumpIntoANewDataFolderOnceAndNeverIntoADatabaseThatHoldsTables(@TempDir Path backups)
			throws Exception {
		Path dump = backups.resolve("xietong.dump");
		try (EmbeddedDatabase original = EmbeddedDatabase.start(this.home)) {
			execute(original, "create table kept (name text)", "insert into kept values ('长春理工大学')");
			Process pgDump = new ProcessBuilder("pg_dump", "--format=custom", "--file=" + dump, "--host=localhost",
					"--port=" + original.port(), "--username=postgres", EmbeddedDatabase.DATABASE)
				.redirectErrorStream(true)
				.start();
			assertThat(pgDump.waitFor()).as(new String(pgDump.getInputStream().readAllBytes())).isZero();
		}
		Path newHome = backups.resolve("new-home");
		try (EmbeddedDatabase restored = EmbeddedDatabase.start(newHome)) {
			Restore.into(restored, dump);
			assertThat(query(restored, "select name from kept")).isEqualTo("长春理工大学");
			assertThat(dump).doesNotExist();
			try (var setAside = Files.list(backups)) {
				assertThat(setAside.map(path -> path.getFileName().toString()))
					.anyMatch(name -> name.startsWith("xietong.dump.restored-"));
			}
		}
		try (EmbeddedDatabase holdsTables = EmbeddedDatabase.start(this.home)) {
			Files.writeString(dump, "not used");
			assertThatThrownBy(() -> Restore.into(holdsTables, dump)).hasMessageContaining("is not empty");
			assertThat(query(holdsTables, "select count(*) from kept")).isEqualTo("1");
		}
	}

	private long postmasterPid() throws IOException {
		Path pidFile = this.home.resolve("postgres").resolve("postmaster.pid");
		return Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.US_ASCII).get(0).trim());
	}

	private static String setting(EmbeddedDatabase database, String name) throws SQLException {
		return query(database, "show " + name);
	}

	private static String query(EmbeddedDatabase database, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static void execute(EmbeddedDatabase database, String... statements) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
