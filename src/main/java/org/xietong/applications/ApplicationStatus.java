package org.xietong.applications;

/**
 * Where an application stands, from the teacher's draft to the department's decision. The
 * transition table is an exhaustive switch: a new status does not compile until every
 * move from it is decided.
 */
public enum ApplicationStatus {

	/** Being written by its leader; nobody else sees it. */
	DRAFT,

	/** Submitted inside the window, with a receipt; awaits the university. */
	SUBMITTED,

	/** Sent back by the university with a reason, to be revised and submitted again. */
	RETURNED,

	/** Endorsed (推荐) by the university: the enterprise now sees it. */
	ENDORSED,

	/** The enterprise's experts are reviewing it. */
	UNDER_REVIEW,

	/** Selected by the enterprise. */
	SELECTED,

	/** Not selected by the enterprise. */
	NOT_SELECTED,

	/** Recommended by the enterprise to the department. */
	RECOMMENDED,

	/** Approved by the department: it becomes a project. */
	APPROVED,

	/** Rejected by the department. */
	REJECTED,

	/** Withdrawn by its leader before the enterprise's review. */
	WITHDRAWN;

	/** Whether an application in this status may move to {@code next}. */
	public boolean canMoveTo(ApplicationStatus next) {
		return switch (this) {
			case DRAFT -> next == SUBMITTED || next == WITHDRAWN;
			case SUBMITTED -> next == ENDORSED || next == RETURNED || next == WITHDRAWN;
			case RETURNED -> next == SUBMITTED || next == WITHDRAWN;
			case ENDORSED -> next == UNDER_REVIEW || next == WITHDRAWN;
			case UNDER_REVIEW -> next == SELECTED || next == NOT_SELECTED;
			case SELECTED -> next == RECOMMENDED || next == NOT_SELECTED || next == UNDER_REVIEW;
			case RECOMMENDED -> next == APPROVED || next == REJECTED;
			case NOT_SELECTED, APPROVED, REJECTED, WITHDRAWN -> false;
		};
	}

	/** Whether its leader may still change it. */
	public boolean isEditable() {
		return switch (this) {
			case DRAFT, RETURNED -> true;
			case SUBMITTED, ENDORSED, UNDER_REVIEW, SELECTED, NOT_SELECTED, RECOMMENDED, APPROVED, REJECTED,
					WITHDRAWN ->
				false;
		};
	}

	/**
	 * Whether it counts among the leader's applications of the year: once filed, until
	 * withdrawn. A returned application keeps its place: it is filed again, not anew.
	 */
	public boolean countsTowardYearlyLimit() {
		return switch (this) {
			case SUBMITTED, RETURNED, ENDORSED, UNDER_REVIEW, SELECTED, NOT_SELECTED, RECOMMENDED, APPROVED, REJECTED ->
				true;
			case DRAFT, WITHDRAWN -> false;
		};
	}

	/**
	 * Whether the university has endorsed it: it counts against the university's caps and
	 * the enterprise sees it.
	 */
	public boolean isEndorsed() {
		return switch (this) {
			case ENDORSED, UNDER_REVIEW, SELECTED, NOT_SELECTED, RECOMMENDED, APPROVED, REJECTED -> true;
			case DRAFT, SUBMITTED, RETURNED, WITHDRAWN -> false;
		};
	}

	/** The statuses for which {@link #countsTowardYearlyLimit()} holds, for queries. */
	static java.util.List<String> countingTowardYearlyLimit() {
		return java.util.Arrays.stream(values())
			.filter(ApplicationStatus::countsTowardYearlyLimit)
			.map(Enum::name)
			.toList();
	}

	/** The statuses for which {@link #isEndorsed()} holds, for queries. */
	static java.util.List<String> endorsed() {
		return java.util.Arrays.stream(values()).filter(ApplicationStatus::isEndorsed).map(Enum::name).toList();
	}

}
