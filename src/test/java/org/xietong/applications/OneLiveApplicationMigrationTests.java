package org.xietong.applications;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.xietong.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration that makes one live application per teacher and guide a unique index runs
 * on a PostgreSQL database that already holds duplicates: it changes no application,
 * gives the place to the most advanced one, and refuses new duplicates from then on.
 */
class OneLiveApplicationMigrationTests {

	@Test
	void aDatabaseWithDuplicatesMigratesAndTheFiledOneKeepsThePlace() throws SQLException {
		String url = freshDatabase();
		// The schema as it stood before the unique index.
		Flyway.configure().dataSource(url, "postgres", "postgres").target("8.0.2").load().migrate();
		UUID leader = UUID.randomUUID();
		UUID guide = UUID.randomUUID();
		UUID olderDraft = UUID.randomUUID();
		UUID firstFiled = UUID.randomUUID();
		UUID secondFiled = UUID.randomUUID();
		UUID withdrawn = UUID.randomUUID();
		try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
				Statement sql = connection.createStatement()) {
			// Only the applications table matters here: its references are not checked.
			sql.execute("SET session_replication_role = replica");
			sql.executeUpdate(insert(olderDraft, leader, guide, "DRAFT", "2024-10-20 10:00:00+08"));
			sql.executeUpdate(insert(firstFiled, leader, guide, "SUBMITTED", "2024-10-25 10:00:00+08"));
			sql.executeUpdate(insert(secondFiled, leader, guide, "SUBMITTED", "2024-10-26 10:00:00+08"));
			sql.executeUpdate(insert(withdrawn, leader, guide, "WITHDRAWN", "2024-10-19 10:00:00+08"));
		}

		assertThat(Flyway.configure().dataSource(url, "postgres", "postgres").load().migrate().success).isTrue();

		try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
				Statement sql = connection.createStatement()) {
			List<String> rows = new ArrayList<>();
			try (var rs = sql.executeQuery("SELECT id, status, live_guide_id FROM applications ORDER BY created_at")) {
				while (rs.next()) {
					rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
				}
			}
			assertThat(rows).containsExactly(withdrawn + " WITHDRAWN null", olderDraft + " DRAFT null",
					firstFiled + " SUBMITTED " + guide, secondFiled + " SUBMITTED null");
			sql.execute("SET session_replication_role = replica");
			UUID another = UUID.randomUUID();
			sql.executeUpdate(insert(another, leader, guide, "DRAFT", "2024-10-27 10:00:00+08"));
			assertThatThrownBy(() -> sql
				.executeUpdate("UPDATE applications SET live_guide_id = guide_id WHERE id = '" + another + "'"))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("applications_one_live_per_guide_uk");
		}
	}

	private static String freshDatabase() throws SQLException {
		String name = "migration_" + UUID.randomUUID().toString().replace("-", "");
		String url = TestDatabase.jdbcUrl();
		try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
				Statement sql = connection.createStatement()) {
			sql.execute("CREATE DATABASE " + name);
		}
		return url.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
	}

	private static String insert(UUID id, UUID leader, UUID guide, String status, String createdAt) {
		return """
				INSERT INTO applications (id, batch_id, batch_year, guide_id, guide_title, enterprise_id, enterprise_name,
				  project_type, leader_id, leader_name, university_id, university_name, title, summary, plan,
				  expected_outcomes, budget_total, status, submission_count, search_text, created_at, updated_at, version)
				VALUES ('%s', '%s', 2024, '%s', '指南', '%s', '企业', 'CURRICULUM', '%s', '教师', '%s', '高校', '申报', '',
				  '', '', 0, '%s', 0, '', '%s', '%s', 0)"""
			.formatted(id, UUID.randomUUID(), guide, UUID.randomUUID(), leader, UUID.randomUUID(), status, createdAt,
					createdAt);
	}

}
