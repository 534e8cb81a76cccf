package org.xietong.shared;

import java.util.List;

/**
 * A refusal that the user must understand: a stable {@code code} for machines, an HTTP
 * status, and a message key (with arguments) for people. Raised before anything is
 * changed, or inside the transaction it rolls back.
 */
public class DomainException extends RuntimeException {

	private final String code;

	private final int status;

	private String detailKey;

	private final Object[] args;

	private final List<FieldViolation> violations;

	public DomainException(int status, String code, String message, Object... args) {
		this(status, code, List.of(), message, args);
	}

	public DomainException(int status, String code, List<FieldViolation> violations, String message, Object... args) {
		super(message);
		this.code = code;
		this.status = status;
		this.args = args.clone();
		this.violations = List.copyOf(violations);
	}

	public static DomainException notFound(String what) {
		return new DomainException(404, "NOT_FOUND", what + " not found", what);
	}

	public static DomainException illegalTransition(String message, Object... args) {
		return new DomainException(409, "ILLEGAL_TRANSITION", message, args);
	}

	public static DomainException invalid(List<FieldViolation> violations) {
		return new DomainException(422, "VALIDATION_FAILED", violations, "validation failed");
	}

	public static DomainException invalid(String field, String code, String message) {
		return invalid(List.of(new FieldViolation(field, code, message)));
	}

	public String code() {
		return this.code;
	}

	public int status() {
		return this.status;
	}

	/**
	 * The same refusal told in a sentence of its own: the message {@code key} instead of
	 * {@code error.<code>}, when one code serves several situations (a window of guides,
	 * of applications).
	 */
	public DomainException detailKey(String key) {
		this.detailKey = key;
		return this;
	}

	/** The key of the localised message that explains the refusal. */
	public String detailKey() {
		return (this.detailKey != null) ? this.detailKey : "error." + this.code;
	}

	/** Arguments for the localised message {@link #detailKey()}. */
	public Object[] args() {
		return this.args.clone();
	}

	public List<FieldViolation> violations() {
		return this.violations;
	}

	/** One field's problem, as the API and the forms report it. */
	public record FieldViolation(String field, String code, String message) {
	}

}
