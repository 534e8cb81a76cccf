package org.xietong.approvals.web;

import org.xietong.approvals.Decision;
import org.xietong.approvals.QueueItem;

/**
 * What the department may do with one application now: a pending one may be approved
 * (general or key) or rejected; a decision not under an open notice, not published and
 * not made by an upheld objection may be reverted, and while it was never under a notice,
 * changed to another decision directly.
 */
public record ItemActions(boolean approveGeneral, boolean approveKey, boolean reject, boolean revert) {

	static ItemActions of(QueueItem item) {
		Decision decision = item.decision();
		if (!"RECOMMENDED".equals(item.status())) {
			return new ItemActions(false, false, false, false);
		}
		if (decision == null) {
			return new ItemActions(true, true, true, false);
		}
		boolean revertible = !decision.published() && !decision.underOpenNotice() && !decision.objectionUpheld();
		if (!revertible) {
			return new ItemActions(false, false, false, false);
		}
		if (decision.noticedAt() != null) {
			return new ItemActions(false, false, false, true);
		}
		boolean general = decision.approved() && !decision.key();
		boolean key = decision.approved() && decision.key();
		return new ItemActions(!general, !key, decision.approved(), true);
	}

	public boolean any() {
		return this.approveGeneral || this.approveKey || this.reject || this.revert;
	}

}
