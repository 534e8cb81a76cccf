package org.xietong.batches;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batches schema on the embedded default database: the rules are columns and rows the
 * database checks itself, not a document it cannot read.
 */
class BatchesSchemaOnH2Tests {

	static final String URL = "jdbc:h2:mem:batches-schema;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
			+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	@BeforeAll
	static void migrate() {
		assertThat(Flyway.configure().dataSource(URL, "sa", "").load().migrate().success).isTrue();
	}

	@Test
	void takesABatchWithItsTypeMinimumsDirectionsAndIndustries() throws SQLException {
		UUID id = UUID.randomUUID();
		try (Connection connection = connect(); Statement sql = connection.createStatement()) {
			sql.executeUpdate(insert(id, "H2-OK", "'2030-09-01 00:00:00+08'", "'2030-11-01 23:59:59+08'", "200000.00"));
			sql.executeUpdate("INSERT INTO batch_type_minimums (batch_id, project_type, amount) VALUES ('" + id
					+ "', 'PRACTICE_BASE', 50000.00)");
			sql.executeUpdate(
					"INSERT INTO batch_directions (batch_id, list_index, name) VALUES ('" + id + "', 0, '人工智能')");
			sql.executeUpdate(
					"INSERT INTO batch_industries (batch_id, list_index, name) VALUES ('" + id + "', 0, '汽车')");
		}
	}

	@Test
	void refusesAnUnorderedScheduleANegativeAmountAndAnUnknownType() throws SQLException {
		try (Connection connection = connect(); Statement sql = connection.createStatement()) {
			assertThatThrownBy(() -> sql.executeUpdate(insert(UUID.randomUUID(), "H2-ORDER", "'2030-12-01 00:00:00+08'",
					"'2030-11-01 23:59:59+08'", "200000.00")))
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> sql.executeUpdate(
					insert(UUID.randomUUID(), "H2-CASH", "'2030-09-01 00:00:00+08'", "'2030-11-01 23:59:59+08'", "-1")))
				.isInstanceOf(SQLException.class);
			UUID id = UUID.randomUUID();
			sql.executeUpdate(insert(id, "H2-TYPES", "'2030-09-01 00:00:00+08'", "'2030-11-01 23:59:59+08'", "0"));
			assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO batch_type_minimums (batch_id, project_type, "
					+ "amount) VALUES ('" + id + "', 'GARDENING', 1)"))
				.isInstanceOf(SQLException.class);
			sql.executeUpdate(
					"INSERT INTO batch_directions (batch_id, list_index, name) VALUES ('" + id + "', 0, '人工智能')");
			assertThatThrownBy(() -> sql.executeUpdate(
					"INSERT INTO batch_directions (batch_id, list_index, name) " + "VALUES ('" + id + "', 1, '人工智能')"))
				.isInstanceOf(SQLException.class);
		}
	}

	@Test
	void aBatchWrittenWithoutTheProjectRulesTakesTheNoticesValuesAndTheirLimitsAreChecked() throws SQLException {
		UUID id = UUID.randomUUID();
		try (Connection connection = connect(); Statement sql = connection.createStatement()) {
			sql.executeUpdate(
					insert(id, "H2-PROJECT-RULES", "'2030-09-01 00:00:00+08'", "'2030-11-01 23:59:59+08'", "0"));
			try (ResultSet row = sql
				.executeQuery("SELECT agreement_due_days, max_extension_months, max_rectifications, "
						+ "overdue_blocks_applications FROM batches WHERE id = '" + id + "'")) {
				assertThat(row.next()).isTrue();
				assertThat(row.getInt(1)).isEqualTo(30);
				assertThat(row.getInt(2)).isEqualTo(12);
				assertThat(row.getInt(3)).isEqualTo(1);
				assertThat(row.getBoolean(4)).isTrue();
			}
			for (String change : new String[] { "agreement_due_days = 0", "agreement_due_days = 366",
					"max_extension_months = 0", "max_extension_months = 37", "max_rectifications = -1",
					"max_rectifications = 4" }) {
				assertThatThrownBy(() -> sql.executeUpdate("UPDATE batches SET " + change + " WHERE id = '" + id + "'"))
					.as(change)
					.isInstanceOf(SQLException.class);
			}
			assertThat(sql.executeUpdate("UPDATE batches SET agreement_due_days = 365, max_extension_months = 36, "
					+ "max_rectifications = 0, overdue_blocks_applications = FALSE WHERE id = '" + id + "'"))
				.isOne();
		}
	}

	private static String insert(UUID id, String code, String guideOpens, String applicationCloses, String cash) {
		return """
				INSERT INTO batches (id, code, title, batch_year, province_code, time_zone, guide_submission_opens,
				  guide_submission_closes, application_opens, application_closes, review_closes, completion_due_months,
				  min_enterprise_age_years, min_enterprise_cash, key_project_quota, notice_working_days,
				  max_applications_per_teacher, max_projects_in_progress_per_teacher, experts_per_application,
				  max_endorsements_per_enterprise, max_endorsements_per_enterprise_and_type, attachment_max_bytes,
				  created_at, updated_at, version)
				VALUES ('%s', '%s', 'H2', 2030, 'JL', 'Asia/Shanghai', %s, '2030-09-20 23:59:59+08',
				  '2030-10-25 00:00:00+08', %s, '2030-12-15 23:59:59+08', 24, 2, %s, 20, 5, 3, 3, 3, NULL, 2,
				  20971520, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""".formatted(id, code, guideOpens,
				applicationCloses, cash);
	}

	private static Connection connect() throws SQLException {
		return DriverManager.getConnection(URL, "sa", "");
	}

}
