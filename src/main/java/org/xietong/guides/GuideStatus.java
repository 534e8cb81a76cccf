package org.xietong.guides;

/**
 * Where a guide stands, from the enterprise's draft to the public catalogue. The
 * transition table is an exhaustive switch: a new status does not compile until every
 * move from it is decided.
 */
public enum GuideStatus {

	/** Being written by the enterprise; nobody else sees it. */
	DRAFT,

	/** Submitted with the enterprise's other guides; awaits the department. */
	SUBMITTED,

	/** Sent back by the department with a reason, to be corrected and submitted again. */
	RETURNED,

	/** Approved by the department; may go under a public notice. */
	APPROVED,

	/** Under a public notice of guides (公示). */
	IN_NOTICE,

	/** In the public catalogue: teachers may apply to it. */
	PUBLISHED,

	/** An objection against it was upheld; it can never receive applications. */
	REVOKED,

	/** Withdrawn by the enterprise before publication. */
	WITHDRAWN;

	/** Whether a guide in this status may move to {@code next}. */
	public boolean canMoveTo(GuideStatus next) {
		return switch (this) {
			case DRAFT -> next == SUBMITTED || next == WITHDRAWN;
			case SUBMITTED -> next == APPROVED || next == RETURNED || next == WITHDRAWN;
			case RETURNED -> next == SUBMITTED || next == WITHDRAWN;
			case APPROVED -> next == IN_NOTICE || next == WITHDRAWN;
			case IN_NOTICE -> next == PUBLISHED || next == REVOKED || next == WITHDRAWN;
			case PUBLISHED, REVOKED, WITHDRAWN -> false;
		};
	}

	/** Whether the enterprise may still change the guide. */
	public boolean isEditable() {
		return switch (this) {
			case DRAFT, RETURNED -> true;
			case SUBMITTED, APPROVED, IN_NOTICE, PUBLISHED, REVOKED, WITHDRAWN -> false;
		};
	}

	/** Whether the next submission of the enterprise's guides takes this guide along. */
	public boolean awaitsSubmission() {
		return switch (this) {
			case DRAFT, RETURNED -> true;
			case SUBMITTED, APPROVED, IN_NOTICE, PUBLISHED, REVOKED, WITHDRAWN -> false;
		};
	}

	/**
	 * Whether the guide's cash counts toward the enterprise's minimum in its batch as it
	 * stands: submitted and not withdrawn, returned or revoked.
	 */
	public boolean countsTowardCash() {
		return switch (this) {
			case SUBMITTED, APPROVED, IN_NOTICE, PUBLISHED -> true;
			case DRAFT, RETURNED, REVOKED, WITHDRAWN -> false;
		};
	}

}
