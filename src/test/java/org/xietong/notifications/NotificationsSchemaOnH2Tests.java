package org.xietong.notifications;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notifications schema on the embedded default database: the preferences table and
 * the digest column exist, and the digest's claim runs as written.
 */
class NotificationsSchemaOnH2Tests {

	static final String URL = "jdbc:h2:mem:notifications-schema;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
			+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	@Test
	void migratesAndTakesPreferencesAndDigests() throws SQLException {
		assertThat(Flyway.configure().dataSource(URL, "sa", "").load().migrate().success).isTrue();
		try (Connection connection = DriverManager.getConnection(URL, "sa", "");
				Statement sql = connection.createStatement()) {
			sql.executeQuery("SELECT user_id, mail_language, daily_digest, updated_at FROM notification_preferences")
				.close();
			assertThat(sql.executeUpdate("""
					UPDATE mail_outbox SET status = 'DIGESTED', digest_id = RANDOM_UUID()
					WHERE recipient_id = RANDOM_UUID() AND status = 'HELD'""")).isZero();
			sql.executeQuery("""
					SELECT m.id, p.mail_language FROM mail_outbox m
					LEFT JOIN notification_preferences p ON p.user_id = m.recipient_id
					WHERE m.digest_id IS NOT NULL ORDER BY m.created_at, m.id""").close();
		}
	}

}
