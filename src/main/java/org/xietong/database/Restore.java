package org.xietong.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a {@code pg_dump} of the platform's database into a new data folder's embedded
 * database before anything else touches it: {@code <home>/restore.dump}, as
 * {@code deploy/restore.sh} leaves it, or {@code xietong.restore-from}. It restores only
 * into an empty database, in one transaction, so a failed restore leaves nothing behind
 * and can simply be tried again; a restored dump is renamed so that the next start does
 * not restore it again.
 */
final class Restore {

	static final String DEFAULT_FILE = "restore.dump";

	private static final Logger log = LoggerFactory.getLogger(Restore.class);

	private Restore() {
	}

	static void into(EmbeddedDatabase database, Path dump) {
		if (!Files.isReadable(dump)) {
			throw new IllegalStateException("xietong.restore-from names " + dump + ", which cannot be read");
		}
		if (tables(database) > 0) {
			throw new IllegalStateException("There is a backup to restore (" + dump + "), but the database in "
					+ database.home() + " is not empty: a backup is restored only into a new data folder. "
					+ "Remove the backup file, or move the data folder aside first.");
		}
		List<String> command = List.of("pg_restore", "--exit-on-error", "--single-transaction", "--no-owner",
				"--no-privileges", "--host=localhost", "--port=" + database.port(),
				"--username=" + EmbeddedDatabase.USER, "--dbname=" + EmbeddedDatabase.DATABASE,
				dump.toAbsolutePath().toString());
		log.info("Restoring {} into the embedded database", dump);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int exit = process.waitFor();
			if (exit != 0) {
				throw new IllegalStateException(
						"pg_restore failed (exit " + exit + "); nothing was restored:\n" + output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"could not run pg_restore: install the PostgreSQL client of the server's major version "
							+ "(Debian 12: apt-get install postgresql-client-15)",
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while restoring " + dump, ex);
		}
		Path done = dump.resolveSibling(dump.getFileName() + ".restored-" + System.currentTimeMillis());
		try {
			Files.move(dump, done);
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"restored " + dump + " but could not rename it to " + done + "; rename it before the next start",
					ex);
		}
		log.info("Restored {}; the dump is now {}", dump, done);
	}

	private static int tables(EmbeddedDatabase database) {
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select count(*) from pg_tables where schemaname = 'public'")) {
			rows.next();
			return rows.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not read the embedded database", ex);
		}
	}

}
