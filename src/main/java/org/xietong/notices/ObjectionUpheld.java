package org.xietong.notices;

import java.util.UUID;

/** An objection was upheld: its subject is revoked (or its decision must be redone). */
public record ObjectionUpheld(UUID noticeId, NoticeKind kind, UUID batchId, UUID subjectId, UUID objectionId,
		String response) {
}
