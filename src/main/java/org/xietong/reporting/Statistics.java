package org.xietong.reporting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.shared.DomainException;

/**
 * A scope's statistics for the one who asks: the department's of a batch or a year, a
 * university's or an enterprise's own. Another organisation's figures are not found
 * (404); roles that never see statistics are refused (403).
 */
@Component
public class Statistics {

	private final Counting counting;

	private final JdbcClient jdbc;

	private final Clock clock;

	Statistics(Counting counting, JdbcClient jdbc, Clock clock) {
		this.counting = counting;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The batches, newest first: what a statistics page offers to choose from. */
	@Transactional(readOnly = true)
	public List<BatchRef> batches() {
		return this.jdbc
			.sql("SELECT id, title, batch_year, time_zone FROM batches ORDER BY batch_year DESC, created_at DESC")
			.query((rs, n) -> new BatchRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
					java.time.ZoneId.of(rs.getString(4))))
			.list();
	}

	/** The batch, or the newest when none is named. */
	public BatchRef batch(UUID batchId) {
		List<BatchRef> all = batches();
		if (batchId == null) {
			return all.stream().findFirst().orElseThrow(() -> DomainException.notFound("batch"));
		}
		return all.stream()
			.filter(batch -> batch.id().equals(batchId))
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("batch"));
	}

	/**
	 * The scope {@code user} may see of the batch, for the organisation asked (or its own
	 * when {@code kind} is {@code null} and it has one).
	 */
	public Scope scope(CurrentUser user, UUID batchId, OrganizationKind kind, UUID organizationId) {
		BatchRef batch = batch(batchId);
		Scope department = Scope.department(List.of(batch.id()), this.clock.instant());
		if (kind == null) {
			requireDepartment(user);
			return department;
		}
		requireStatisticsRole(user);
		UUID id = (organizationId != null) ? organizationId : user.organizationId();
		boolean own = id != null && id.equals(user.organizationId()) && switch (kind) {
			case UNIVERSITY -> user.has(Role.UNIVERSITY_ADMIN);
			case ENTERPRISE -> user.has(Role.ENTERPRISE_CONTACT);
		};
		if (!own && !user.has(Role.DEPARTMENT_OFFICER) || !isOrganization(id, kind)) {
			throw DomainException.notFound(kind.name().toLowerCase(java.util.Locale.ROOT));
		}
		return (kind == OrganizationKind.UNIVERSITY) ? department.ofUniversity(id) : department.ofEnterprise(id);
	}

	/** A year's batches, for the department. */
	public Scope year(CurrentUser user, int year) {
		requireDepartment(user);
		List<UUID> ids = batches().stream().filter(batch -> batch.year() == year).map(BatchRef::id).toList();
		if (ids.isEmpty()) {
			throw DomainException.notFound("year");
		}
		return Scope.department(ids, this.clock.instant());
	}

	/** The years that have batches, newest first. */
	public List<Integer> years() {
		return batches().stream().map(BatchRef::year).distinct().toList();
	}

	/** The scope's totals and the breakdowns it sees. */
	@Transactional(readOnly = true)
	public Report report(Scope scope) {
		List<Measure> measures = new ArrayList<>();
		Section.of(scope).forEach(section -> measures.addAll(section.measures()));
		Map<Breakdown, List<Counting.Row>> tables = new LinkedHashMap<>();
		for (Breakdown breakdown : breakdowns(scope)) {
			tables.put(breakdown, this.counting.breakdown(scope, breakdown.dimension(), breakdown.measures(scope)));
		}
		return new Report(scope, this.counting.totals(scope, measures), tables);
	}

	/** The breakdowns a scope shows, in the API's order. */
	public static List<Breakdown> breakdowns(Scope scope) {
		if (scope.university() != null) {
			return List.of(Breakdown.BY_ENTERPRISE, Breakdown.BY_TYPE, Breakdown.BY_TEACHER);
		}
		if (scope.enterprise() != null) {
			return List.of(Breakdown.BY_GUIDE, Breakdown.BY_UNIVERSITY);
		}
		return List.of(Breakdown.BY_UNIVERSITY, Breakdown.BY_ENTERPRISE, Breakdown.BY_TYPE, Breakdown.BY_DIRECTION,
				Breakdown.BY_INDUSTRY);
	}

	/** The figures per year, for the department's comparison of years. */
	@Transactional(readOnly = true)
	public Map<Integer, Counting.Figures> byYear(CurrentUser user, List<Measure> measures) {
		requireDepartment(user);
		Map<Integer, Counting.Figures> years = new LinkedHashMap<>();
		for (int year : years()) {
			years.put(year, this.counting.totals(year(user, year), measures));
		}
		return years;
	}

	/** The department's name, as its reports are headed. */
	public String departmentName() {
		return this.jdbc.sql("SELECT name FROM organizations WHERE kind = 'DEPARTMENT' ORDER BY created_at LIMIT 1")
			.query(String.class)
			.optional()
			.orElse("");
	}

	/** The name of a university or enterprise, if it is one. */
	public Optional<String> organizationName(UUID id) {
		return this.jdbc.sql("SELECT name FROM organizations WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	private boolean isOrganization(UUID id, OrganizationKind kind) {
		return id != null && this.jdbc.sql("SELECT COUNT(*) FROM organizations WHERE id = :id AND kind = :kind")
			.param("id", id)
			.param("kind", kind.name())
			.query(Long.class)
			.single() > 0;
	}

	static void requireDepartment(CurrentUser user) {
		if (user == null || !user.has(Role.DEPARTMENT_OFFICER)) {
			throw new AccessDeniedException("statistics are for the department");
		}
	}

	private static void requireStatisticsRole(CurrentUser user) {
		if (user == null || !(user.has(Role.DEPARTMENT_OFFICER) || user.has(Role.UNIVERSITY_ADMIN)
				|| user.has(Role.ENTERPRISE_CONTACT))) {
			throw new AccessDeniedException("this role sees no statistics");
		}
	}

	/** Whose statistics: a university's or an enterprise's. */
	public enum OrganizationKind {

		UNIVERSITY, ENTERPRISE

	}

	/**
	 * A batch as the statistics name it.
	 *
	 * @param id its id
	 * @param title its title
	 * @param year its year
	 * @param zone its time zone
	 */
	public record BatchRef(UUID id, String title, int year, java.time.ZoneId zone) {

	}

	/**
	 * A scope's statistics.
	 *
	 * @param scope whose and of which batches
	 * @param totals the totals
	 * @param tables the breakdowns
	 */
	public record Report(Scope scope, Counting.Figures totals, Map<Breakdown, List<Counting.Row>> tables) {

	}

}
