package org.xietong.reviews;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The ranking of the applications to a guide.
 *
 * @param items best first; applications without any submitted score last
 */
public record Ranking(UUID guideId, String guideTitle, int projectsOffered, BigDecimal disagreementMargin,
		String selectionState, List<Item> items) {

	/**
	 * One application's place.
	 *
	 * @param rank its place (equal scores share a place)
	 * @param score the mean of the experts' totals (0–100), trimmed of the highest and
	 * the lowest from 5 experts up, to 2 decimals; {@code null} before any expert
	 * submitted
	 * @param median the median of the totals
	 * @param spread the highest total less the lowest
	 * @param disagreement whether the spread exceeds the plan's margin
	 * @param expertCount how many experts submitted scores
	 * @param missing how many scores are still missing (assigned and not submitted, or
	 * not yet assigned)
	 * @param totals each submitted expert's total, highest first
	 */
	public record Item(UUID applicationId, String number, String title, String leader, String university, String status,
			int rank, BigDecimal score, BigDecimal median, BigDecimal spread, boolean disagreement, int expertCount,
			int missing, List<BigDecimal> totals, boolean selected) {
	}

}
