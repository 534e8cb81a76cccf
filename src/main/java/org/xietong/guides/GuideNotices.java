package org.xietong.guides;

import java.util.List;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.notices.NoticeClosed;
import org.xietong.notices.NoticeKind;
import org.xietong.notices.NoticeSubjects;
import org.xietong.notices.ObjectionUpheld;
import org.xietong.shared.Languages;

/**
 * Guides under public notice: only approved guides of the batch go under a GUIDES notice;
 * an upheld objection revokes its guide, and a closed notice publishes the guides that
 * still stand. The notice's events arrive synchronously, inside the transaction that
 * decided or closed, so that the notice and its guides change together.
 */
@Component
class GuideNotices implements NoticeSubjects {

	private final GuideManagement guides;

	private final MessageSource messages;

	GuideNotices(GuideManagement guides, MessageSource messages) {
		this.guides = guides;
		this.messages = messages;
	}

	@Override
	public boolean handles(NoticeKind kind) {
		return kind == NoticeKind.GUIDES;
	}

	@Override
	@Transactional
	public List<NoticeSubject> putUnderNotice(NoticeKind kind, UUID batchId, UUID openerOrganizationId,
			List<UUID> subjectIds) {
		return this.guides.putUnderNotice(batchId, subjectIds)
			.stream()
			.map(Guide::view)
			.map(guide -> new NoticeSubject(guide.id(), guide.title(), summary(guide)))
			.toList();
	}

	@EventListener
	void on(ObjectionUpheld event) {
		if (event.kind() == NoticeKind.GUIDES) {
			this.guides.revokeByObjection(event.subjectId(), event.response());
		}
	}

	@EventListener
	void on(NoticeClosed event) {
		if (event.kind() == NoticeKind.GUIDES) {
			event.standingSubjectIds().forEach(this.guides::publishAfterNotice);
		}
	}

	/** The public notice's line for a guide: enterprise, type, direction, support. */
	private String summary(GuideView guide) {
		String type = this.messages.getMessage("projectType." + guide.type().name(), null, guide.type().name(),
				Languages.CHINESE);
		String support = guide.type().isMeasuredInCash()
				? guide.projectsOffered() + " 项 × " + Yuan.format(guide.cashPerProject())
				: guide.projectsOffered() + " 项 × 软硬件 " + Yuan.format(guide.hardwareSoftwarePerProject());
		return guide.enterpriseName() + " · " + type + " · " + guide.direction() + " · " + guide.industry() + " · "
				+ support;
	}

}
