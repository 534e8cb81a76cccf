package org.xietong.approvals;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.xietong.batches.ProjectType;
import org.xietong.shared.Money;

/**
 * A recommended application as the department decides on it: the application, its guide's
 * funding, its review, the decision so far, the checks and, once published, its project.
 *
 * @param status the application's status ({@code RECOMMENDED} until publication)
 * @param state {@code PENDING}, {@code APPROVED}, {@code KEY}, {@code REJECTED} (decided,
 * not yet published) or {@code PUBLISHED}
 * @param review the enterprise's review of it, when its guide was ranked
 * @param decision the decision so far, or {@code null}
 */
public record QueueItem(UUID applicationId, String number, String title, ProjectType type, UUID guideId,
		String guideTitle, UUID enterpriseId, String enterpriseName, UUID universityId, String universityName,
		UUID leaderId, String leaderName, Money budgetTotal, Money cash, Money hardwareSoftware, String status,
		String state, Review review, Decision decision, List<Check> checks, String projectNumber, long version) {

	/** Whether every blocking check holds. */
	public boolean approvable() {
		return this.checks.stream().allMatch(check -> check.passed() || !check.blocking());
	}

	/**
	 * The enterprise's review: its place in the guide's ranking, the mean score, how many
	 * experts scored, whether they disagreed.
	 */
	public record Review(int rank, int ranked, BigDecimal score, int expertCount, boolean disagreement) {
	}

}
