package org.xietong.reporting.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.reporting.Counting;
import org.xietong.reporting.Measure;
import org.xietong.reporting.Scope;
import org.xietong.reporting.Statistics;
import org.xietong.shared.Actor;
import org.xietong.shared.KeyFigureSource;

/**
 * The key figures of the newest batch on the home pages of those who see statistics: the
 * department's of the whole batch, a university's and an enterprise's of their own, each
 * linking to the list it counts.
 */
@Component
class ReportingKeyFigures implements KeyFigureSource {

	private static final List<Measure> DEPARTMENT = List.of(Measure.GUIDES_PUBLISHED, Measure.SUBMITTED,
			Measure.ENDORSED, Measure.APPROVED, Measure.PROJECTS, Measure.CASH_PAID);

	private static final List<Measure> UNIVERSITY = List.of(Measure.SUBMITTED, Measure.ENDORSED, Measure.APPROVED,
			Measure.PROJECTS, Measure.CASH_CONFIRMED);

	private static final List<Measure> ENTERPRISE = List.of(Measure.GUIDES_PUBLISHED, Measure.ENDORSED,
			Measure.SELECTED, Measure.PROJECTS, Measure.CASH_PAID);

	private final Statistics statistics;

	private final Counting counting;

	private final Clock clock;

	ReportingKeyFigures(Statistics statistics, Counting counting, Clock clock) {
		this.statistics = statistics;
		this.counting = counting;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<KeyFigure> keyFiguresFor(UUID userId, Actor actor) {
		List<Statistics.BatchRef> batches = this.statistics.batches();
		if (batches.isEmpty()) {
			return List.of();
		}
		Statistics.BatchRef batch = batches.get(0);
		Scope department = Scope.department(List.of(batch.id()), this.clock.instant());
		return switch (actor.roleName()) {
			case "DEPARTMENT_OFFICER" -> figures(batch, department, DEPARTMENT, null);
			case "UNIVERSITY_ADMIN" ->
				figures(batch, department.ofUniversity(actor.organizationId()), UNIVERSITY, actor.organizationId());
			case "ENTERPRISE_CONTACT" ->
				figures(batch, department.ofEnterprise(actor.organizationId()), ENTERPRISE, actor.organizationId());
			default -> List.of();
		};
	}

	private List<KeyFigure> figures(Statistics.BatchRef batch, Scope scope, List<Measure> measures, UUID organization) {
		Counting.Figures figures = this.counting.totals(scope, measures);
		return measures.stream()
			.map(measure -> new KeyFigure("statistics.measure." + measure.key(), List.of(batch.title()),
					StatisticsView.display(figures.get(measure)),
					StatisticsView.link(batch.id(), organization, measure, null, null)))
			.toList();
	}

}
