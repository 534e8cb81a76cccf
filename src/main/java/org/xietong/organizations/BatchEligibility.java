package org.xietong.organizations;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.xietong.batches.BatchView;

/**
 * Whether an enterprise may take part in one batch, condition by condition: what the
 * enterprise sees on its page and the API answers.
 */
public record BatchEligibility(UUID batchId, String batchCode, String batchTitle, LocalDate opensOn,
		int minEnterpriseAgeYears, boolean eligible, List<EnterpriseEligibility.Condition> conditions) {

	static BatchEligibility of(BatchView batch, LocalDate opensOn, EnterpriseEligibility.Eligibility eligibility) {
		return new BatchEligibility(batch.id(), batch.code(), batch.title(), opensOn,
				batch.rules().minEnterpriseAgeYears(), eligibility.eligible(), eligibility.conditions());
	}

}
