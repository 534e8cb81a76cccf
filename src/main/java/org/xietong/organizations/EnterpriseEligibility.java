package org.xietong.organizations;

import java.time.LocalDate;
import java.util.List;

/**
 * The notice's section 三 as a policy: an enterprise may take part in a batch when the
 * department approved it, it is not on the defaulters' list, it was founded at least
 * {@code minAgeYears} before the batch opens, and its credit report is on file. Each
 * condition is reported, met or not, so that the enterprise sees why.
 */
public final class EnterpriseEligibility {

	private EnterpriseEligibility() {
	}

	public static Eligibility evaluate(EnterpriseView enterprise, boolean creditReportOnFile, int minAgeYears,
			LocalDate batchOpensOn) {
		LocalDate oldEnoughFrom = enterprise.foundedOn().plusYears(minAgeYears);
		List<Condition> conditions = List.of(
				new Condition("APPROVED", enterprise.status() == EnterpriseStatus.APPROVED, enterprise.status().name()),
				new Condition("NOT_BLACKLISTED", !enterprise.blacklisted(),
						enterprise.blacklisted() ? enterprise.blacklistReason() : ""),
				new Condition("FOUNDED_LONG_ENOUGH", !oldEnoughFrom.isAfter(batchOpensOn),
						enterprise.foundedOn() + "/" + minAgeYears + "/" + batchOpensOn),
				new Condition("CREDIT_REPORT_ON_FILE", creditReportOnFile, ""));
		return new Eligibility(conditions.stream().allMatch(Condition::met), conditions);
	}

	/** The verdict and each condition behind it. */
	public record Eligibility(boolean eligible, List<Condition> conditions) {
	}

	/**
	 * One condition: its code ({@code APPROVED}, {@code NOT_BLACKLISTED},
	 * {@code FOUNDED_LONG_ENOUGH}, {@code CREDIT_REPORT_ON_FILE}), whether it holds, and
	 * the facts behind it.
	 */
	public record Condition(String code, boolean met, String facts) {
	}

}
