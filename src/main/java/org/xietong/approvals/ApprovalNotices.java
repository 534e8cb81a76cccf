package org.xietong.approvals;

import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.notices.NoticeClosed;
import org.xietong.notices.NoticeKind;
import org.xietong.notices.NoticeSubjects;
import org.xietong.notices.ObjectionUpheld;

/**
 * The department's approval notice (APPROVALS): its approvals go under notice; an upheld
 * objection turns one into a rejection; a closed notice lets the standing ones be
 * published. The notice's events arrive synchronously, inside the transaction that
 * decided or closed.
 */
@Component
class ApprovalNotices implements NoticeSubjects {

	private final Approvals approvals;

	ApprovalNotices(Approvals approvals) {
		this.approvals = approvals;
	}

	@Override
	public boolean handles(NoticeKind kind) {
		return kind == NoticeKind.APPROVALS;
	}

	@Override
	@Transactional
	public List<NoticeSubject> putUnderNotice(NoticeKind kind, UUID batchId, UUID openerOrganizationId,
			List<UUID> subjectIds) {
		return this.approvals.putUnderNotice(batchId, subjectIds);
	}

	@EventListener
	void on(ObjectionUpheld event) {
		if (event.kind() == NoticeKind.APPROVALS) {
			this.approvals.objectionUpheld(event.subjectId(), event.response());
		}
	}

	@EventListener
	void on(NoticeClosed event) {
		if (event.kind() == NoticeKind.APPROVALS) {
			this.approvals.noticeClosed(event.standingSubjectIds());
		}
	}

}
