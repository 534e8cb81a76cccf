package org.xietong.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL 15 for the whole test run, started from embedded binaries on first
 * use.
 */
public final class TestDatabase {

	private static EmbeddedPostgres postgres;

	private TestDatabase() {
	}

	public static synchronized String jdbcUrl() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not start the embedded PostgreSQL", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is going away anyway
				}
			}));
		}
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	/**
	 * A new, empty database on the run's PostgreSQL, for a test of what instances do on a
	 * first start; answers its JDBC URL.
	 */
	public static String emptyDatabase() {
		String name = "xt_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (java.sql.Connection connection = java.sql.DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
				java.sql.Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("could not create a database", ex);
		}
		return postgres.getJdbcUrl("postgres", name);
	}

}
