package org.xietong.batches;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;

/**
 * A batch's five milestones, in order: guide submission opens and closes, applications
 * open and close, the enterprises' review closes. Deadlines are exact to the second;
 * fractions of a second are dropped. A schedule whose milestones are out of order cannot
 * exist.
 */
public record BatchSchedule(Instant guideSubmissionOpens, Instant guideSubmissionCloses, Instant applicationOpens,
		Instant applicationCloses, Instant reviewCloses) {

	/** The milestones' names, in the order they must follow. */
	public static final List<String> FIELDS = List.of("guideSubmissionOpens", "guideSubmissionCloses",
			"applicationOpens", "applicationCloses", "reviewCloses");

	public BatchSchedule {
		guideSubmissionOpens = seconds(guideSubmissionOpens);
		guideSubmissionCloses = seconds(guideSubmissionCloses);
		applicationOpens = seconds(applicationOpens);
		applicationCloses = seconds(applicationCloses);
		reviewCloses = seconds(reviewCloses);
		List<FieldViolation> violations = problems(Arrays.asList(guideSubmissionOpens, guideSubmissionCloses,
				applicationOpens, applicationCloses, reviewCloses));
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
	}

	/**
	 * What is wrong with the milestones, given in the order of {@link #FIELDS}: each is
	 * required ({@code REQUIRED}) and none may lie before the one above it
	 * ({@code SCHEDULE_OUT_OF_ORDER}, naming the later field), as
	 * {@code schedule.<name>}.
	 */
	private static List<FieldViolation> problems(List<Instant> milestones) {
		List<FieldViolation> violations = new ArrayList<>();
		Instant previous = null;
		String previousName = null;
		for (int i = 0; i < FIELDS.size(); i++) {
			String name = FIELDS.get(i);
			Instant current = milestones.get(i);
			if (current == null) {
				violations.add(new FieldViolation("schedule." + name, "REQUIRED", name + " is required"));
				continue;
			}
			if (previous != null && current.isBefore(previous)) {
				violations.add(new FieldViolation("schedule." + name, "SCHEDULE_OUT_OF_ORDER",
						name + " lies before " + previousName));
			}
			previous = current;
			previousName = name;
		}
		return violations;
	}

	/** The phase at {@code instant}. */
	public BatchPhase phaseAt(Instant instant) {
		return BatchPhase.at(this, instant);
	}

	/**
	 * The milestone that ends the phase of {@code instant}: the next deadline to count
	 * down to; empty once the review has closed.
	 */
	public Optional<Deadline> nextDeadlineAfter(Instant instant) {
		return phaseAt(instant).endsAt().map(name -> new Deadline(name, milestones().get(name)));
	}

	/** The milestones by name, in order. */
	public Map<String, Instant> milestones() {
		Map<String, Instant> milestones = new LinkedHashMap<>();
		milestones.put("guideSubmissionOpens", this.guideSubmissionOpens);
		milestones.put("guideSubmissionCloses", this.guideSubmissionCloses);
		milestones.put("applicationOpens", this.applicationOpens);
		milestones.put("applicationCloses", this.applicationCloses);
		milestones.put("reviewCloses", this.reviewCloses);
		return milestones;
	}

	private static Instant seconds(Instant instant) {
		return (instant == null) ? null : instant.truncatedTo(ChronoUnit.SECONDS);
	}

	/**
	 * A milestone ahead: its name in the schedule ({@code applicationCloses}) and when.
	 */
	public record Deadline(String name, Instant at) {
	}

}
