package org.xietong.projects;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.shared.Actor;
import org.xietong.shared.Task;
import org.xietong.shared.TaskSource;

/**
 * What waits on the funds: the enterprise pays what its confirmed agreements still lack,
 * project by project, by each agreement's due date; the department sees, per batch, how
 * many projects' funds are overdue.
 */
@Component
class FundTasks implements TaskSource {

	/**
	 * The running projects with a confirmed agreement whose payments fall short of it, in
	 * either kind.
	 */
	private static final String SHORT_OF_AGREEMENT = """
			SELECT p.id, p.title, p.project_number, p.batch_id, b.title AS batch_title, b.time_zone, a.funds_due_on
			FROM projects p JOIN project_agreements a ON a.project_id = p.id AND a.status = 'CONFIRMED'
			JOIN batches b ON b.id = p.batch_id
			LEFT JOIN project_disbursements d ON d.project_id = p.id
			WHERE p.status IN (:statuses) AND %s
			GROUP BY p.id, p.title, p.project_number, p.batch_id, b.title, b.time_zone, a.funds_due_on, a.cash_total,
			  a.hardware_software_total
			HAVING COALESCE(SUM(CASE WHEN d.kind = 'CASH' THEN d.amount END), 0) < a.cash_total
			  OR COALESCE(SUM(CASE WHEN d.kind = 'HARDWARE_SOFTWARE' THEN d.amount END), 0) < a.hardware_software_total
			ORDER BY a.funds_due_on, p.project_number""";

	private final JdbcClient jdbc;

	private final Clock clock;

	FundTasks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Task> tasksFor(UUID userId, Actor actor) {
		return switch (actor.roleName()) {
			case "ENTERPRISE_CONTACT" -> (actor.organizationId() == null) ? List.of() : toPay(actor.organizationId());
			case "DEPARTMENT_OFFICER" -> overdue();
			default -> List.of();
		};
	}

	/** One task per project of the enterprise whose funds are short, by the due date. */
	private List<Task> toPay(UUID enterpriseId) {
		return shortOfAgreement("p.enterprise_id = :enterprise", Map.of("enterprise", enterpriseId)).stream()
			.map(project -> new Task("FUNDS_TO_PAY", "task.projects.fundsToPay",
					List.of(project.title(), project.number(), project.fundsDueOn().toString()),
					"/projects/" + project.id(),
					project.fundsDueOn().plusDays(1).atStartOfDay(project.zone()).toInstant(), 1))
			.toList();
	}

	/** Per batch, how many projects are past their funds' due date and still short. */
	private List<Task> overdue() {
		// No batch's today is later than the day after today in UTC: the exact day is
		// each batch's own.
		LocalDate latestToday = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).plusDays(1);
		Map<UUID, long[]> counts = new LinkedHashMap<>();
		Map<UUID, String> titles = new LinkedHashMap<>();
		for (ShortProject project : shortOfAgreement("a.funds_due_on < :latest", Map.of("latest", latestToday))) {
			if (LocalDate.ofInstant(this.clock.instant(), project.zone()).isAfter(project.fundsDueOn())) {
				counts.computeIfAbsent(project.batchId(), id -> new long[1])[0]++;
				titles.put(project.batchId(), project.batchTitle());
			}
		}
		List<Task> tasks = new ArrayList<>();
		counts.forEach((batchId,
				count) -> tasks.add(new Task("FUNDS_OVERDUE", "task.projects.fundsOverdue",
						List.of(titles.get(batchId), Long.toString(count[0])),
						"/projects?overdueFunds=true&batchId=" + batchId, null, count[0])));
		return tasks;
	}

	private List<ShortProject> shortOfAgreement(String condition, Map<String, Object> params) {
		return this.jdbc.sql(SHORT_OF_AGREEMENT.formatted(condition))
			.param("statuses", Arrays.stream(ProjectFunds.PAYABLE).map(Enum::name).toList())
			.params(params)
			.query((rs, n) -> new ShortProject(rs.getObject("id", UUID.class), rs.getString("title"),
					rs.getString("project_number"), rs.getObject("batch_id", UUID.class), rs.getString("batch_title"),
					ZoneId.of(rs.getString("time_zone")), rs.getObject("funds_due_on", LocalDate.class)))
			.list();
	}

	private record ShortProject(UUID id, String title, String number, UUID batchId, String batchTitle, ZoneId zone,
			LocalDate fundsDueOn) {
	}

}
