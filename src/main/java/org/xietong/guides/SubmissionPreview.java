package org.xietong.guides;

import java.util.List;
import java.util.UUID;

import org.xietong.organizations.BatchEligibility;

/**
 * What an enterprise sees before it submits its guides of a batch: the window, its
 * eligibility condition by condition, its cash against the minimum counting what the
 * submission would add, and each guide with its type minimum's verdict.
 *
 * @param canSubmit whether a submission now would pass every check
 */
public record SubmissionPreview(UUID batchId, UUID enterpriseId, GuideSubmissionWindow window, boolean windowOpen,
		BatchEligibility eligibility, EnterpriseCashMinimum.Total cash, List<Item> guides, int awaitingSubmission,
		int belowTypeMinimum, boolean canSubmit) {

	/** One of the enterprise's guides, and whether it meets its type's minimum. */
	public record Item(GuideView guide, TypeMinimums.Verdict minimum) {
	}

}
