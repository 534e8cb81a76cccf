package org.xietong.reviews;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.accounts.CurrentUser;
import org.xietong.applications.ApplicationQueries;
import org.xietong.applications.ApplicationQuery;
import org.xietong.applications.ApplicationStatus;
import org.xietong.applications.ApplicationSummary;
import org.xietong.guides.GuideView;
import org.xietong.shared.PageResult;

/**
 * Ranks the applications to a guide from the experts' submitted scores: each expert's
 * total is Σ weight × score ÷ maximum (0–100); an application's score is the mean of its
 * experts' totals, trimmed of the highest and the lowest from 5 experts up.
 */
@Service
public class Rankings {

	/** From this many experts up, the highest and the lowest total are left out. */
	static final int TRIM_FROM = 5;

	private static final Set<ApplicationStatus> REVIEWED = Set.of(ApplicationStatus.UNDER_REVIEW,
			ApplicationStatus.SELECTED, ApplicationStatus.NOT_SELECTED, ApplicationStatus.RECOMMENDED,
			ApplicationStatus.APPROVED, ApplicationStatus.REJECTED);

	private final JdbcClient jdbc;

	private final ReviewPlans plans;

	private final ApplicationQueries applications;

	Rankings(JdbcClient jdbc, ReviewPlans plans, ApplicationQueries applications) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.applications = applications;
	}

	/** The ranking of a guide of the enterprise. */
	@Transactional(readOnly = true)
	public Ranking of(UUID guideId, CurrentUser user) {
		GuideView guide = this.plans.ownGuide(guideId, user);
		return rank(guide);
	}

	/**
	 * A guide's ranking as the department reads it when deciding on the enterprise's
	 * recommendations; empty when the guide has no review plan.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Ranking> forDepartment(GuideView guide) {
		if (this.plans.find(guide.id()).isEmpty()) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(rank(guide));
	}

	Ranking rank(GuideView guide) {
		ReviewPlan plan = this.plans.required(guide.id());
		Map<String, Criterion> criteria = new HashMap<>();
		plan.criteria().forEach(c -> criteria.put(c.name(), c));
		Map<UUID, List<BigDecimal>> totals = new HashMap<>();
		Map<UUID, Map<String, BigDecimal>> byAssignment = new HashMap<>();
		Map<UUID, UUID> assignmentApplication = new HashMap<>();
		this.jdbc.sql("""
				SELECT a.id, a.application_id, s.criterion, s.score FROM review_assignments a
				JOIN review_scores s ON s.assignment_id = a.id WHERE a.guide_id = :guide AND a.status = 'SUBMITTED'""")
			.param("guide", guide.id())
			.query((rs, n) -> {
				UUID assignment = rs.getObject(1, UUID.class);
				assignmentApplication.put(assignment, rs.getObject(2, UUID.class));
				byAssignment.computeIfAbsent(assignment, k -> new HashMap<>())
					.put(rs.getString(3), rs.getBigDecimal(4));
				return null;
			})
			.list();
		byAssignment.forEach((assignment, scores) -> totals
			.computeIfAbsent(assignmentApplication.get(assignment), k -> new ArrayList<>())
			.add(total(scores, criteria)));
		Map<UUID, Integer> pending = new HashMap<>();
		this.jdbc.sql("""
				SELECT application_id, COUNT(*) FROM review_assignments WHERE guide_id = :guide
				AND status IN ('ASSIGNED', 'ACCEPTED') GROUP BY application_id""")
			.param("guide", guide.id())
			.query((rs, n) -> pending.put(rs.getObject(1, UUID.class), rs.getInt(2)))
			.list();
		Set<UUID> selected = Set
			.copyOf(this.jdbc.sql("SELECT application_id FROM review_selected WHERE guide_id = :guide")
				.param("guide", guide.id())
				.query(UUID.class)
				.list());
		String state = this.jdbc.sql("SELECT state FROM review_selections WHERE guide_id = :guide")
			.param("guide", guide.id())
			.query(String.class)
			.optional()
			.orElse("NONE");
		List<Row> rows = new ArrayList<>();
		for (ApplicationSummary application : reviewed(guide)) {
			List<BigDecimal> mine = new ArrayList<>(totals.getOrDefault(application.id(), List.of()));
			mine.sort(Comparator.reverseOrder());
			int open = pending.getOrDefault(application.id(), 0);
			int missing = Math.max(open, plan.expertsPerApplication() - mine.size());
			rows.add(new Row(application, mine, score(mine), median(mine), missing));
		}
		rows.sort(Comparator.comparing(Row::score, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(row -> row.application().number(), Comparator.nullsLast(Comparator.naturalOrder())));
		List<Ranking.Item> items = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			int rank = i + 1;
			if (i > 0 && java.util.Objects.equals(rows.get(i - 1).score(), row.score())) {
				rank = items.get(i - 1).rank();
			}
			BigDecimal spread = row.totals().isEmpty() ? null
					: row.totals().get(0).subtract(row.totals().get(row.totals().size() - 1));
			items.add(new Ranking.Item(row.application().id(), row.application().number(), row.application().title(),
					row.application().leaderName(), row.application().universityName(),
					row.application().status().name(), rank, row.score(), row.median(), spread,
					spread != null && spread.compareTo(plan.disagreementMargin()) > 0, row.totals().size(),
					row.missing(), row.totals(), selected.contains(row.application().id())));
		}
		return new Ranking(guide.id(), guide.title(), guide.projectsOffered(), plan.disagreementMargin(), state, items);
	}

	/** One expert's total: Σ weight × score ÷ maximum, to 2 decimals. */
	static BigDecimal total(Map<String, BigDecimal> scores, Map<String, Criterion> criteria) {
		BigDecimal total = BigDecimal.ZERO;
		for (Map.Entry<String, BigDecimal> score : scores.entrySet()) {
			Criterion criterion = criteria.get(score.getKey());
			if (criterion != null) {
				total = total.add(criterion.weight()
					.multiply(score.getValue())
					.divide(criterion.maxScore(), MathContext.DECIMAL64));
			}
		}
		return total.setScale(2, RoundingMode.HALF_UP);
	}

	/** The mean of the totals, trimmed from {@value #TRIM_FROM} up, to 2 decimals. */
	static BigDecimal score(List<BigDecimal> totals) {
		if (totals.isEmpty()) {
			return null;
		}
		List<BigDecimal> sorted = new ArrayList<>(totals);
		sorted.sort(Comparator.naturalOrder());
		List<BigDecimal> counted = (sorted.size() >= TRIM_FROM) ? sorted.subList(1, sorted.size() - 1) : sorted;
		BigDecimal sum = counted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		return sum.divide(BigDecimal.valueOf(counted.size()), 2, RoundingMode.HALF_UP);
	}

	static BigDecimal median(List<BigDecimal> totals) {
		if (totals.isEmpty()) {
			return null;
		}
		List<BigDecimal> sorted = new ArrayList<>(totals);
		sorted.sort(Comparator.naturalOrder());
		int middle = sorted.size() / 2;
		BigDecimal median = (sorted.size() % 2 == 1) ? sorted.get(middle)
				: sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2));
		return median.setScale(2, RoundingMode.HALF_UP);
	}

	private List<ApplicationSummary> reviewed(GuideView guide) {
		List<ApplicationSummary> found = new ArrayList<>();
		this.applications.forEach(new ApplicationQuery(new ApplicationQuery.Enterprise(guide.enterpriseId()),
				guide.batchId(), guide.id(), null, null, null, null), application -> {
					if (REVIEWED.contains(application.status())) {
						found.add(application);
					}
				});
		return found;
	}

	private record Row(ApplicationSummary application, List<BigDecimal> totals, BigDecimal score, BigDecimal median,
			int missing) {
	}

}
