package org.xietong.guides;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.xietong.batches.BatchRules;
import org.xietong.batches.ProjectType;
import org.xietong.shared.Money;

/**
 * The notice's section 四 as a policy: each project type's least support per project, in
 * cash for five types and in hardware and software value for practice bases. Built from a
 * batch's rules, so that next year's notice changes a setting, not the code.
 */
public final class TypeMinimums {

	/** The field of a guide that carries cash per project. */
	public static final String CASH_FIELD = "cashPerProject";

	/** The field of a guide that carries hardware and software value per project. */
	public static final String HARDWARE_SOFTWARE_FIELD = "hardwareSoftwarePerProject";

	private final Map<ProjectType, Money> minimums;

	public TypeMinimums(Map<ProjectType, Money> minimums) {
		Map<ProjectType, Money> copy = new EnumMap<>(ProjectType.class);
		for (ProjectType type : ProjectType.values()) {
			copy.put(type, Objects.requireNonNull(minimums.get(type), () -> "no minimum for " + type));
		}
		this.minimums = copy;
	}

	public static TypeMinimums of(BatchRules rules) {
		return new TypeMinimums(rules.typeMinimums());
	}

	/** The least support per project of a type. */
	public Money minimumFor(ProjectType type) {
		return this.minimums.get(type);
	}

	/**
	 * Whether a guide of {@code type} offering these amounts per project meets its type's
	 * minimum; a missing amount counts as zero.
	 */
	public Verdict check(ProjectType type, Money cashPerProject, Money hardwareSoftwarePerProject) {
		boolean cash = type.isMeasuredInCash();
		Money actual = cash ? orZero(cashPerProject) : orZero(hardwareSoftwarePerProject);
		Money minimum = minimumFor(type);
		return new Verdict(type, cash ? CASH_FIELD : HARDWARE_SOFTWARE_FIELD, minimum, actual,
				!actual.isLessThan(minimum));
	}

	private static Money orZero(Money amount) {
		return (amount == null) ? Money.ZERO : amount;
	}

	/**
	 * The verdict on one guide: the type, the field its minimum is measured in, the
	 * minimum, what the guide offers, and whether that is enough.
	 */
	public record Verdict(ProjectType type, String field, Money minimum, Money actual, boolean met) {

		public ProjectType.Measure measure() {
			return this.type.measure();
		}

		/** How much is missing; zero when the minimum is met. */
		public Money shortfall() {
			return this.met ? Money.ZERO : this.minimum.minus(this.actual);
		}

	}

}
