package org.xietong.reporting;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.shared.Money;

/**
 * What anyone may know of a batch in figures: only what is already published — the
 * published guides and their enterprises, the published approval list (projects, key
 * projects, the funds they carry) and the published completion list.
 */
@Component
public class PublicSummary {

	static final List<Measure> MEASURES = List.of(Measure.GUIDES_PUBLISHED, Measure.ENTERPRISES_PARTICIPATING,
			Measure.PROJECTS, Measure.KEY_PROJECTS, Measure.CASH_APPROVED, Measure.HARDWARE_SOFTWARE_APPROVED,
			Measure.COMPLETED);

	private final Statistics statistics;

	private final Counting counting;

	private final Clock clock;

	PublicSummary(Statistics statistics, Counting counting, Clock clock) {
		this.statistics = statistics;
		this.counting = counting;
		this.clock = clock;
	}

	/** The batch's published figures; 404 for a batch that does not exist. */
	@Transactional(readOnly = true)
	public Summary of(UUID batchId) {
		Statistics.BatchRef batch = this.statistics.batch(batchId);
		Counting.Figures figures = this.counting.totals(Scope.department(List.of(batch.id()), this.clock.instant()),
				MEASURES);
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
