package org.xietong.reporting;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.xietong.shared.Money;

/**
 * What anyone may know of a batch in figures: only what is already published — the
 * published guides and their enterprises, the published approval list (projects, key
 * projects, the funds they carry) and the published completion list.
 */
@Component
public class PublicSummary {

	private final Statistics statistics;

	private final StatisticsSnapshots snapshots;

	private final Clock clock;

	PublicSummary(Statistics statistics, StatisticsSnapshots snapshots, Clock clock) {
		this.statistics = statistics;
		this.snapshots = snapshots;
		this.clock = clock;
	}

	/** The batch's published figures; 404 for a batch that does not exist. */
	public Summary of(UUID batchId) {
		Statistics.BatchRef batch = this.statistics.batch(batchId);
		// The department's report of the batch holds these figures too, kept at most a
		// minute.
		Counting.Figures figures = this.snapshots.report(Scope.department(List.of(batch.id()), this.clock.instant()))
			.totals();
		return new Summary(batch.id(), figures.count(Measure.GUIDES_PUBLISHED),
				figures.count(Measure.ENTERPRISES_PARTICIPATING), figures.count(Measure.PROJECTS),
				figures.count(Measure.KEY_PROJECTS), Money.of(figures.amount(Measure.CASH_APPROVED)),
				Money.of(figures.amount(Measure.HARDWARE_SOFTWARE_APPROVED)), figures.count(Measure.COMPLETED));
	}

	/**
	 * A batch's published figures.
	 *
	 * @param batchId the batch
	 * @param guides guides published
	 * @param enterprises enterprises with a published guide
	 * @param projects projects on the published approval list
	 * @param key of which key projects
	 * @param cash the cash they carry
	 * @param hardwareSoftware the hardware and software they carry
	 * @param completed projects on the published completion list
	 */
	public record Summary(UUID batchId, long guides, long enterprises, long projects, long key, Money cash,
			Money hardwareSoftware, long completed) {

	}

}
