package org.xietong.shared;

/** A written reason, as every return, rejection, revert and conclusion needs one. */
public final class Reasons {

	public static final int MAX = 2000;

	private Reasons() {
	}

	public static String required(String reason) {
		return required(reason, "reason");
	}

	public static String required(String reason, String field) {
		if (reason == null || reason.isBlank()) {
			throw DomainException.invalid(field, "REQUIRED", "give a reason");
		}
		if (reason.length() > MAX) {
			throw DomainException.invalid(field, "TOO_LONG", "at most " + MAX + " characters");
		}
		return reason.strip();
	}

}
