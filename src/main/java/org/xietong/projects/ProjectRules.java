package org.xietong.projects;

import org.xietong.batches.BatchView;

/**
 * The batch's rules that bear on a project's life after approval.
 *
 * @param agreementDueDays days after publication by which the agreement is due
 * @param completionDueMonths the longest a project may run, start to end
 * @param maxExtensionMonths the longest one extension may add
 * @param maxRectifications how many times acceptance may send a project back
 */
record ProjectRules(int agreementDueDays, int completionDueMonths, int maxExtensionMonths, int maxRectifications) {

	static ProjectRules of(BatchView batch) {
		return new ProjectRules(batch.rules().agreementDueDays(), batch.rules().completionDueMonths(),
				batch.rules().maxExtensionMonths(), batch.rules().maxRectifications());
	}

}
