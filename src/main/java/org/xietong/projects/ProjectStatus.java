package org.xietong.projects;

/**
 * Where a project stands, from its approval to its completion. The transition table is an
 * exhaustive switch, as for applications.
 */
public enum ProjectStatus {

	/** Approved and numbered; the cooperation agreement is to be signed. */
	APPROVED,

	/** The agreement is confirmed: the project runs. */
	IN_PROGRESS,

	/** The leader asked for completion acceptance. */
	COMPLETION_REQUESTED,

	/** The university consented to the completion request. */
	COMPLETION_CONSENTED,

	/** The enterprise's experts are examining it. */
	UNDER_ACCEPTANCE,

	/** Passed acceptance. */
	COMPLETED,

	/** Failed acceptance. */
	FAILED,

	/** To be rectified and resubmitted. */
	RECTIFYING,

	/** Ended before completion. */
	TERMINATED;

	/** Whether a project in this status may move to {@code next}. */
	public boolean canMoveTo(ProjectStatus next) {
		return switch (this) {
			case APPROVED -> next == IN_PROGRESS || next == TERMINATED;
			case IN_PROGRESS -> next == COMPLETION_REQUESTED || next == TERMINATED;
			case COMPLETION_REQUESTED -> next == COMPLETION_CONSENTED || next == IN_PROGRESS;
			case COMPLETION_CONSENTED -> next == UNDER_ACCEPTANCE;
			case UNDER_ACCEPTANCE -> next == COMPLETED || next == FAILED || next == RECTIFYING;
			case RECTIFYING -> next == COMPLETION_REQUESTED || next == TERMINATED;
			case COMPLETED, FAILED, TERMINATED -> false;
		};
	}

	/** Whether it counts among the projects its leader leads now. */
	public boolean isInProgress() {
		return switch (this) {
			case APPROVED, IN_PROGRESS, COMPLETION_REQUESTED, COMPLETION_CONSENTED, UNDER_ACCEPTANCE, RECTIFYING ->
				true;
			case COMPLETED, FAILED, TERMINATED -> false;
		};
	}

}
