package org.xietong.applications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.batches.ProjectType;
import org.xietong.shared.Money;

/**
 * Loads an application, its team and its budget in three statements and maps them
 * directly onto the aggregate's persistence constructor. {@code ApplicationLoadingTests}
 * holds it equal to what Spring Data JDBC's own mapping reads.
 */
class ApplicationLoadingImpl implements ApplicationLoading {

	private final JdbcClient jdbc;

	ApplicationLoadingImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Application> findById(UUID id) {
		Optional<Assembly> row = this.jdbc.sql("""
				SELECT id, application_number, batch_id, batch_year, guide_id, guide_title, enterprise_id,
				  enterprise_name, project_type, leader_id, leader_name, university_id, university_name, title,
				  summary, plan, expected_outcomes, budget_total, status, live_guide_id, return_reason,
				  withdraw_reason, submission_count, search_text, created_at, updated_at, submitted_at,
				  endorsed_at, version
				FROM applications WHERE id = :id""").param("id", id).query((rs, n) -> assembly(rs)).optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		List<TeamMember> team = this.jdbc.sql("""
				SELECT name, title, organization, member_role FROM application_team_members
				WHERE application_id = :id ORDER BY member_index""")
			.param("id", id)
			.query((rs, n) -> new TeamMember(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
		List<BudgetLine> budget = this.jdbc.sql("""
				SELECT category, amount FROM application_budget_lines
				WHERE application_id = :id ORDER BY line_index""")
			.param("id", id)
			.query((rs, n) -> new BudgetLine(rs.getString(1), new Money(rs.getBigDecimal(2))))
			.list();
		return Optional.of(row.get().with(team, budget));
	}

	/** The application's own row, waiting for its team and budget. */
	private interface Assembly {

		Application with(List<TeamMember> team, List<BudgetLine> budget);

	}

	private static Assembly assembly(ResultSet rs) throws SQLException {
		UUID id = rs.getObject(1, UUID.class);
		String number = rs.getString(2);
		UUID batchId = rs.getObject(3, UUID.class);
		int batchYear = rs.getInt(4);
		UUID guideId = rs.getObject(5, UUID.class);
		String guideTitle = rs.getString(6);
		UUID enterpriseId = rs.getObject(7, UUID.class);
		String enterpriseName = rs.getString(8);
		ProjectType projectType = ProjectType.valueOf(rs.getString(9));
		UUID leaderId = rs.getObject(10, UUID.class);
		String leaderName = rs.getString(11);
		UUID universityId = rs.getObject(12, UUID.class);
		String universityName = rs.getString(13);
		String title = rs.getString(14);
		String summary = rs.getString(15);
		String plan = rs.getString(16);
		String expectedOutcomes = rs.getString(17);
		Money budgetTotal = new Money(rs.getBigDecimal(18));
		ApplicationStatus status = ApplicationStatus.valueOf(rs.getString(19));
		UUID liveGuideId = rs.getObject(20, UUID.class);
		String returnReason = rs.getString(21);
		String withdrawReason = rs.getString(22);
		int submissionCount = rs.getInt(23);
		String searchText = rs.getString(24);
		Instant createdAt = instant(rs, 25);
		Instant updatedAt = instant(rs, 26);
		Instant submittedAt = instant(rs, 27);
		Instant endorsedAt = instant(rs, 28);
		Long version = rs.getObject(29, Long.class);
		return (team, budget) -> new Application(id, number, batchId, batchYear, guideId, guideTitle, enterpriseId,
				enterpriseName, projectType, leaderId, leaderName, universityId, universityName, title, summary, plan,
				expectedOutcomes, team, budget, budgetTotal, status, liveGuideId, returnReason, withdrawReason,
				submissionCount, searchText, createdAt, updatedAt, submittedAt, endorsedAt, version);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return (at != null) ? at.toInstant() : null;
	}

}
