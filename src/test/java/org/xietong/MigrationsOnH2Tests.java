package org.xietong;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default database takes the same migrations as PostgreSQL does. */
class MigrationsOnH2Tests {

	@Test
	void everyMigrationRunsOnH2InPostgresMode() throws SQLException {
		String url = "jdbc:h2:mem:migrations;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		MigrateResult result = Flyway.configure().dataSource(url, "sa", "").load().migrate();

		assertThat(result.success).isTrue();
		assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(4);
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				ResultSet tables = connection.getMetaData().getTables(null, "public", "%", new String[] { "TABLE" })) {
			List<String> names = new ArrayList<>();
			while (tables.next()) {
				names.add(tables.getString("TABLE_NAME"));
			}
			assertThat(names).contains("users", "organizations", "audit_entries", "audit_chain_head", "api_tokens",
					"login_states", "spring_session", "spring_session_attributes", "event_publication");
		}
	}

}
