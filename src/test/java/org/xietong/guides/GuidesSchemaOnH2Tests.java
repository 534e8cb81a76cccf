package org.xietong.guides;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guides schema on the embedded default database, checked from connections other than
 * the one that created it (where H2 2.4 once broke text CHECKs).
 */
class GuidesSchemaOnH2Tests {

	static final String URL = "jdbc:h2:mem:guides-schema;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
			+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	static UUID batch = UUID.randomUUID();

	static UUID enterprise = UUID.randomUUID();

	@BeforeAll
	static void migrate() throws SQLException {
		assertThat(Flyway.configure().dataSource(URL, "sa", "").load().migrate().success).isTrue();
		try (Connection connection = connect(); Statement sql = connection.createStatement()) {
			sql.executeUpdate("""
					INSERT INTO batches (id, code, title, batch_year, province_code, time_zone, guide_submission_opens,
					  guide_submission_closes, application_opens, application_closes, review_closes,
					  completion_due_months, min_enterprise_age_years, min_enterprise_cash, key_project_quota,
					  notice_working_days, max_applications_per_teacher, max_projects_in_progress_per_teacher,
					  experts_per_application, max_endorsements_per_enterprise,
					  max_endorsements_per_enterprise_and_type, attachment_max_bytes, created_at, updated_at, version)
					VALUES ('%s', 'H2-GUIDES', 'H2', 2030, 'JL', 'Asia/Shanghai', '2030-09-01 00:00:00+08',
					  '2030-09-20 23:59:59+08', '2030-10-25 00:00:00+08', '2030-11-01 23:59:59+08',
					  '2030-12-15 23:59:59+08', 24, 2, 200000, 20, 5, 3, 3, 3, NULL, 2, 20971520, CURRENT_TIMESTAMP,
					  CURRENT_TIMESTAMP, 0)""".formatted(batch));
			sql.executeUpdate("INSERT INTO organizations (id, kind, name, code, status, created_at, version) VALUES ('"
					+ enterprise + "', 'ENTERPRISE', 'H2 企业', '91220101MA0Y3K8T5X', 'ACTIVE', CURRENT_TIMESTAMP, 0)");
		}
	}

	@Test
	void takesAGuideWithExactAmounts() throws SQLException {
		try (Connection connection = connect(); Statement sql = connection.createStatement()) {
			sql.executeUpdate(insert(UUID.randomUUID(), "TEACHER_TRAINING", "DRAFT", "9999.99", "0"));
			try (var rs = sql.executeQuery("SELECT SUM(cash_per_project) FROM guides WHERE project_type = "
					+ "'TEACHER_TRAINING' AND batch_id = '" + batch + "'")) {
				rs.next();
				assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("9999.99");
			}
		}
	}

	@Test
	void refusesAnUnknownStatusOrTypeAndANegativeAmount() throws SQLException {
		try (Connection connection = connect(); Statement sql = connection.createStatement()) {
			assertThatThrownBy(() -> sql.executeUpdate(insert(UUID.randomUUID(), "CURRICULUM", "LOST", "1", "0")))
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> sql.executeUpdate(insert(UUID.randomUUID(), "GARDENING", "DRAFT", "1", "0")))
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> sql.executeUpdate(insert(UUID.randomUUID(), "CURRICULUM", "DRAFT", "-1", "0")))
				.isInstanceOf(SQLException.class);
		}
	}

	private static String insert(UUID id, String type, String status, String cash, String hardware) {
		return """
				INSERT INTO guides (id, batch_id, enterprise_id, enterprise_name, project_type, title, direction,
				  industry, description, requirements, projects_offered, cash_per_project,
				  hardware_software_per_project, contact_name, contact_phone, contact_email, status, search_text,
				  created_at, updated_at, version)
				VALUES ('%s', '%s', '%s', 'H2 企业', '%s', '标题', '人工智能', '汽车', '简介', '要求', 1, %s, %s, '联系人',
				  '13800000000', 'a@example.com', '%s', '标题', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""".formatted(id,
				batch, enterprise, type, cash, hardware, status);
	}

	private static Connection connect() throws SQLException {
		return DriverManager.getConnection(URL, "sa", "");
	}

}
