package org.xietong.notices;

import java.util.List;
import java.util.UUID;

/**
 * A notice closed: its subjects that no upheld objection revoked may take their next
 * step.
 */
public record NoticeClosed(UUID noticeId, NoticeKind kind, UUID batchId, UUID openerOrganizationId,
		List<UUID> standingSubjectIds, List<UUID> revokedSubjectIds) {
}
