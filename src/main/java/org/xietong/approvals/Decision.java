package org.xietong.approvals;

import java.time.Instant;

/**
 * The department's decision on one recommended application until publication makes it
 * final.
 *
 * @param outcome {@code APPROVED} or {@code REJECTED}
 * @param key whether an approval is a key project (重点项目)
 * @param reason why it was rejected (or the objection that turned it into a rejection)
 * @param noticedAt when an approval went under the APPROVALS notice
 * @param noticeClosedAt when that notice closed with the approval standing
 * @param objectionUpheld whether an upheld objection turned the approval into a rejection
 * @param publishedAt when publication made it final
 */
public record Decision(String outcome, boolean key, String reason, String decidedBy, Instant decidedAt,
		Instant noticedAt, Instant noticeClosedAt, boolean objectionUpheld, Instant publishedAt) {

	public static final String APPROVED = "APPROVED";

	public static final String REJECTED = "REJECTED";

	public boolean approved() {
		return APPROVED.equals(this.outcome);
	}

	/** Under an APPROVALS notice that has not closed. */
	public boolean underOpenNotice() {
		return this.noticedAt != null && this.noticeClosedAt == null && !this.objectionUpheld;
	}

	public boolean published() {
		return this.publishedAt != null;
	}

}
