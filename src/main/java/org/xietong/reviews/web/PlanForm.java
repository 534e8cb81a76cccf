package org.xietong.reviews.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.xietong.batches.BatchView;
import org.xietong.reviews.Criterion;
import org.xietong.reviews.ReviewPlan;
import org.xietong.reviews.ReviewPlans;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;

/**
 * The review plan's form as typed: the criteria rows and the settings, kept as text so
 * that a refused form comes back exactly as it was sent.
 *
 * @param deadline the scoring deadline as a {@code datetime-local} value in the batch's
 * zone
 * @param version the plan's version read, empty before the first plan
 */
public record PlanForm(List<Row> rows, String experts, String deadline, String margin, String cap, String version) {

	/** One criterion row. */
	public record Row(String name, String weight, String maxScore) {
	}

	/** The saved plan, or the batch's defaults with one empty row before the first. */
	static PlanForm of(ReviewPlan plan, BatchView batch) {
		if (plan == null) {
			return new PlanForm(List.of(new Row("", "", "")), Integer.toString(batch.rules().expertsPerApplication()),
					ReviewDisplay.input(batch.schedule().reviewCloses(), batch.timeZone()), "20", "30", "");
		}
		List<Row> rows = plan.criteria()
			.stream()
			.map(c -> new Row(c.name(), ReviewDisplay.number(c.weight()), ReviewDisplay.number(c.maxScore())))
			.toList();
		return new PlanForm(rows, Integer.toString(plan.expertsPerApplication()),
				ReviewDisplay.input(plan.scoringDeadline(), batch.timeZone()),
				ReviewDisplay.number(plan.disagreementMargin()), Integer.toString(plan.maxPerExpert()),
				Long.toString(plan.version()));
	}

	/** The form as posted; rows left wholly blank are dropped. */
	static PlanForm of(List<String> names, List<String> weights, List<String> maxScores, String experts,
			String deadline, String margin, String cap, String version) {
		List<Row> rows = new ArrayList<>();
		int count = Math.max(size(names), Math.max(size(weights), size(maxScores)));
		for (int i = 0; i < count; i++) {
			Row row = new Row(at(names, i), at(weights, i), at(maxScores, i));
			if (!(row.name().isEmpty() && row.weight().isEmpty() && row.maxScore().isEmpty())) {
				rows.add(row);
			}
		}
		return new PlanForm(rows, text(experts), text(deadline), text(margin), text(cap), text(version));
	}

	/**
	 * The request the form makes; what cannot be read is refused by field before the
	 * service sees it. A weight or maximum that is not a number goes on as missing, for
	 * the service to name its row.
	 */
	ReviewPlans.PlanRequest request(ZoneId zone) {
		List<FieldViolation> violations = new ArrayList<>();
		List<Criterion> criteria = this.rows.stream()
			.map(row -> new Criterion(row.name(), decimal(row.weight()), decimal(row.maxScore())))
			.toList();
		Integer experts = integer(this.experts, "expertsPerApplication", "EXPERTS_RANGE", violations);
		Integer cap = integer(this.cap, "maxPerExpert", "CAP_RANGE", violations);
		BigDecimal margin = null;
		if (!this.margin.isEmpty()) {
			margin = decimal(this.margin);
			if (margin == null) {
				violations.add(new FieldViolation("disagreementMargin", "MARGIN_RANGE", "a number from 0 to 100"));
			}
		}
		Instant deadline = null;
		if (!this.deadline.isEmpty()) {
			try {
				deadline = org.xietong.shared.InputRules.parseLocal(this.deadline, zone);
			}
			catch (DateTimeParseException ex) {
				violations.add(new FieldViolation("scoringDeadline", "INVALID", "a date and time"));
			}
		}
		Long version = null;
		if (!this.version.isEmpty()) {
			try {
				version = Long.valueOf(this.version);
			}
			catch (NumberFormatException ex) {
				violations.add(new FieldViolation("version", "INVALID", "the version read"));
			}
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		return new ReviewPlans.PlanRequest(criteria, experts, deadline, margin, cap, version);
	}

	/** The weights typed so far, added up: what the live total starts from. */
	public String weightSum() {
		BigDecimal sum = BigDecimal.ZERO;
		for (Row row : this.rows) {
			BigDecimal weight = decimal(row.weight());
			if (weight != null) {
				sum = sum.add(weight);
			}
		}
		return ReviewDisplay.number(sum);
	}

	public boolean weightsAreHundred() {
		return new BigDecimal(weightSum()).compareTo(new BigDecimal("100")) == 0;
	}

	private static Integer integer(String text, String field, String code, List<FieldViolation> violations) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			violations.add(new FieldViolation(field, code, "a whole number"));
			return null;
		}
	}

	static BigDecimal decimal(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip().replace('，', '.'));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static int size(List<String> values) {
		return (values == null) ? 0 : values.size();
	}

	private static String at(List<String> values, int i) {
		return (values == null || i >= values.size() || values.get(i) == null) ? "" : values.get(i).strip();
	}

	private static String text(String value) {
		return (value == null) ? "" : value.strip();
	}

}
