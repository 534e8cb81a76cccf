package org.xietong.approvals;

import java.util.List;
import java.util.UUID;

/**
 * A part of what one publication decided, for those who tell the people concerned: a
 * national list is published as a few such parts (at most {@link #MAX_ITEMS} items each),
 * not as one event per project, so that publication records a few dozen event
 * publications rather than fifteen thousand.
 */
public record ApprovalListPublished(UUID batchId, List<ProjectApproved> approved,
		List<ApplicationRejectedAtApproval> rejected) {

	/** The most projects and rejections one part carries. */
	public static final int MAX_ITEMS = 500;

}
