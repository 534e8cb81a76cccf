package org.xietong.reviews;

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
 * The enterprise's result notice (REVIEW_RESULTS): its selected applications go under
 * notice; an upheld objection sends the guide's selection back, and the notice cannot
 * close until it is redone; a closed notice settles who was not selected. The notice's
 * events arrive synchronously, inside the transaction that decided or closed.
 */
@Component
class ReviewNotices implements NoticeSubjects {

	private final Selections selections;

	ReviewNotices(Selections selections) {
		this.selections = selections;
	}

	@Override
	public boolean handles(NoticeKind kind) {
		return kind == NoticeKind.REVIEW_RESULTS;
	}

	@Override
	@Transactional
	public List<NoticeSubject> putUnderNotice(NoticeKind kind, UUID batchId, UUID openerOrganizationId,
			List<UUID> subjectIds) {
		return this.selections.putUnderNotice(batchId, openerOrganizationId, subjectIds);
	}

	@Override
	public List<String> closingBlockers(NoticeKind kind, UUID noticeId, List<UUID> subjectIds) {
		return this.selections.reopened(subjectIds);
	}

	@EventListener
	void on(ObjectionUpheld event) {
		if (event.kind() == NoticeKind.REVIEW_RESULTS) {
			this.selections.objectionUpheld(event.subjectId(), event.response());
		}
	}

	@EventListener
	void on(NoticeClosed event) {
		if (event.kind() == NoticeKind.REVIEW_RESULTS) {
			List<UUID> all = new java.util.ArrayList<>(event.standingSubjectIds());
			all.addAll(event.revokedSubjectIds());
			this.selections.noticeClosed(all);
		}
	}

}
