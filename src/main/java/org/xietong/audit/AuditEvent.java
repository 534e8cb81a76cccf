package org.xietong.audit;

import java.util.Objects;

/**
 * What happened to which subject, with a short summary of its state before and after.
 *
 * @param action what was done, in UPPER_SNAKE_CASE ({@code LOGIN_FAILED},
 * {@code USER_CREATED})
 * @param subjectType the kind of thing acted on ({@code User}, {@code Guide}), or
 * {@code null}
 * @param subjectId its id, or {@code null}
 * @param before a summary of the state before, or {@code null}
 * @param after a summary of the state after, or {@code null}
 */
public record AuditEvent(String action, String subjectType, String subjectId, String before, String after) {

	public AuditEvent {
		Objects.requireNonNull(action, "action");
	}

	public static AuditEvent of(String action, String subjectType, Object subjectId) {
		return new AuditEvent(action, subjectType, subjectId == null ? null : subjectId.toString(), null, null);
	}

	public AuditEvent before(String summary) {
		return new AuditEvent(this.action, this.subjectType, this.subjectId, summary, this.after);
	}

	public AuditEvent after(String summary) {
		return new AuditEvent(this.action, this.subjectType, this.subjectId, this.before, summary);
	}

}
