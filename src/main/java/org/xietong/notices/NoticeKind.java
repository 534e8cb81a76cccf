package org.xietong.notices;

/** What a notice puts before the public. */
public enum NoticeKind {

	GUIDES, REVIEW_RESULTS, APPROVALS, COMPLETIONS, GENERAL;

	/**
	 * Whether an enterprise opens and answers for it (review results) rather than the
	 * department.
	 */
	public boolean openedByEnterprise() {
		return switch (this) {
			case REVIEW_RESULTS -> true;
			case GUIDES, APPROVALS, COMPLETIONS, GENERAL -> false;
		};
	}

}
