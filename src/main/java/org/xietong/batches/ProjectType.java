package org.xietong.batches;

import java.util.Arrays;
import java.util.Optional;

/**
 * The notice's six project types (section 四), each with the kind of support its minimum
 * is measured in.
 */
public enum ProjectType {

	NEW_DISCIPLINES, CURRICULUM, TEACHER_TRAINING, PRACTICE_BASE, INNOVATION_EDUCATION, INNOVATION_FUND;

	/** What a type's minimum per project counts. */
	public enum Measure {

		/** Cash (实际支持资金); counts toward the enterprise's ¥200,000 per batch. */
		CASH,

		/** The value of hardware and software (软硬件支持价值); never counts as cash. */
		HARDWARE_SOFTWARE

	}

	/**
	 * The support a type's minimum is measured in: only practice bases count hardware and
	 * software; innovation education's "support" (支持资金) counts cash.
	 */
	public Measure measure() {
		return switch (this) {
			case NEW_DISCIPLINES, CURRICULUM, TEACHER_TRAINING, INNOVATION_EDUCATION, INNOVATION_FUND -> Measure.CASH;
			case PRACTICE_BASE -> Measure.HARDWARE_SOFTWARE;
		};
	}

	public boolean isMeasuredInCash() {
		return measure() == Measure.CASH;
	}

	/** The type named exactly by {@code name}, if there is one. */
	public static Optional<ProjectType> parse(String name) {
		return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
	}

}
