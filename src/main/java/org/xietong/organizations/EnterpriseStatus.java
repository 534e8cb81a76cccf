package org.xietong.organizations;

/**
 * An enterprise's standing with the department. The transition table is an exhaustive
 * switch: a new status does not compile until every move from and to it is decided.
 */
public enum EnterpriseStatus {

	PENDING_REVIEW, RETURNED, APPROVED, REJECTED, BLACKLISTED;

	/** Whether an enterprise in this status may move to {@code next}. */
	public boolean canMoveTo(EnterpriseStatus next) {
		return switch (this) {
			case PENDING_REVIEW -> next == APPROVED || next == RETURNED || next == REJECTED || next == BLACKLISTED;
			case RETURNED -> next == PENDING_REVIEW || next == BLACKLISTED;
			case APPROVED -> next == BLACKLISTED;
			case REJECTED -> next == BLACKLISTED;
			case BLACKLISTED -> next == PENDING_REVIEW || next == RETURNED || next == APPROVED || next == REJECTED;
		};
	}

	/** Whether the enterprise may still correct its registration. */
	public boolean isEditable() {
		return switch (this) {
			case PENDING_REVIEW, RETURNED -> true;
			case APPROVED, REJECTED, BLACKLISTED -> false;
		};
	}

}
