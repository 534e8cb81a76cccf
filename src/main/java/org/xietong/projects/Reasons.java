package org.xietong.projects;

import org.xietong.shared.DomainException;

/** A written reason, as every return, rejection and conclusion needs one. */
final class Reasons {

	static final int MAX = 2000;

	private Reasons() {
	}

	static String required(String reason) {
		return required(reason, "reason");
	}

	static String required(String reason, String field) {
		if (reason == null || reason.isBlank()) {
			throw DomainException.invalid(field, "REQUIRED", "give a reason");
		}
		if (reason.length() > MAX) {
			throw DomainException.invalid(field, "TOO_LONG", "at most " + MAX + " characters");
		}
		return reason.strip();
	}

}
