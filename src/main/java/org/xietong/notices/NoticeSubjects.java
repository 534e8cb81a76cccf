package org.xietong.notices;

import java.util.List;
import java.util.UUID;

/**
 * What notices need of the modules whose things go under notice, without knowing them:
 * each subject module implements it for its kinds.
 */
public interface NoticeSubjects {

	/** Whether this implementation answers for {@code kind}. */
	boolean handles(NoticeKind kind);

	/**
	 * Checks that the subjects exist, belong to the batch and to the opener, and may go
	 * under notice now, and moves them into notice; answers how the public sees each one.
	 * Throws a {@code DomainException} when any may not, and then nothing changes.
	 */
	List<NoticeSubject> putUnderNotice(NoticeKind kind, UUID batchId, UUID openerOrganizationId, List<UUID> subjectIds);

	/**
	 * What keeps a notice of these subjects from closing now, in words for its
	 * responsible party (e.g. a selection an upheld objection sent back to be redone);
	 * empty when nothing does.
	 */
	default List<String> closingBlockers(NoticeKind kind, UUID noticeId, List<UUID> subjectIds) {
		return List.of();
	}

	/** A subject as the public notice shows it. */
	record NoticeSubject(UUID id, String title, String summary) {
	}

}
