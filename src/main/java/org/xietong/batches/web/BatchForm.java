package org.xietong.batches.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.util.MultiValueMap;
import org.xietong.batches.BatchDefinition;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchRules;
import org.xietong.batches.BatchSchedule;
import org.xietong.batches.BatchView;
import org.xietong.batches.ProjectType;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.Money;

/**
 * The batch form as typed: every value kept as text, so that a refused form comes back
 * exactly as the user left it. Inputs are named as the API names their problems
 * ({@code schedule.applicationCloses}, {@code rules.typeMinimums.TEACHER_TRAINING}), so
 * each problem lands next to its input. Times are {@code datetime-local} values in the
 * batch's time zone; the attachment limit is in MiB; directions and industries are one
 * per line; an empty cap means no cap; a yes-or-no rule is {@code true} or {@code false},
 * and empty takes the notice's value.
 */
public final class BatchForm {

	/** The whole-number rules, in the order the form shows them. */
	public static final List<String> NUMBER_RULES = List.of("completionDueMonths", "minEnterpriseAgeYears",
			"keyProjectQuota", "noticeWorkingDays", "maxApplicationsPerTeacher", "maxProjectsInProgressPerTeacher",
			"expertsPerApplication", "agreementDueDays", "maxExtensionMonths", "maxRectifications");

	/** The rules whose empty value means "no cap". */
	public static final List<String> CAP_RULES = List.of("maxEndorsementsPerEnterprise",
			"maxEndorsementsPerEnterpriseAndType");

	/** The yes-or-no rules, in the order the form shows them. */
	public static final List<String> YES_NO_RULES = List.of("overdueBlocksApplications", "autoCloseNotices");

	/** The schedule's fields, in order. */
	public static final List<String> SCHEDULE = BatchSchedule.FIELDS;

	public static final String ATTACHMENT_MEGABYTES = "rules.attachmentMaxMegabytes";

	private static final BigDecimal MEBIBYTE = BigDecimal.valueOf(1024 * 1024);

	private final Map<String, String> values;

	private BatchForm(Map<String, String> values) {
		this.values = values;
	}

	/** A new batch's form: this year, Jilin, Shanghai time, the notice's rules. */
	static BatchForm blank(int year) {
		Map<String, String> values = new HashMap<>();
		values.put("year", Integer.toString(year));
		values.put("provinceCode", BatchManagement.DEFAULT_PROVINCE);
		values.put("timeZone", BatchManagement.DEFAULT_TIME_ZONE.getId());
		putRules(values, BatchRules.notice2024());
		return new BatchForm(values);
	}

	/** The form of an existing batch, to edit it. */
	static BatchForm of(BatchView batch) {
		Map<String, String> values = new HashMap<>();
		values.put("code", batch.code());
		values.put("title", batch.title());
		values.put("year", Integer.toString(batch.year()));
		values.put("provinceCode", batch.provinceCode());
		values.put("timeZone", batch.timeZone().getId());
		batch.schedule()
			.milestones()
			.forEach((name, at) -> values.put("schedule." + name, BatchTimes.input(at, batch.timeZone())));
		putRules(values, batch.rules());
		values.put("version", Long.toString(batch.version()));
		return new BatchForm(values);
	}

	/** The form as posted. */
	static BatchForm of(MultiValueMap<String, String> params) {
		Map<String, String> values = new HashMap<>();
		params.forEach((name, posted) -> {
			if (!posted.isEmpty() && posted.get(0) != null) {
				values.put(name, posted.get(0));
			}
		});
		return new BatchForm(values);
	}

	private static void putRules(Map<String, String> values, BatchRules rules) {
		values.put("rules.completionDueMonths", Integer.toString(rules.completionDueMonths()));
		values.put("rules.minEnterpriseAgeYears", Integer.toString(rules.minEnterpriseAgeYears()));
		values.put("rules.keyProjectQuota", Integer.toString(rules.keyProjectQuota()));
		values.put("rules.noticeWorkingDays", Integer.toString(rules.noticeWorkingDays()));
		values.put("rules.maxApplicationsPerTeacher", Integer.toString(rules.maxApplicationsPerTeacher()));
		values.put("rules.maxProjectsInProgressPerTeacher", Integer.toString(rules.maxProjectsInProgressPerTeacher()));
		values.put("rules.expertsPerApplication", Integer.toString(rules.expertsPerApplication()));
		values.put("rules.maxEndorsementsPerEnterprise", text(rules.maxEndorsementsPerEnterprise()));
		values.put("rules.maxEndorsementsPerEnterpriseAndType", text(rules.maxEndorsementsPerEnterpriseAndType()));
		values.put("rules.minEnterpriseCash", rules.minEnterpriseCash().toString());
		rules.typeMinimums().forEach((type, amount) -> values.put("rules.typeMinimums." + type, amount.toString()));
		values.put("rules.directions", String.join("\n", rules.directions()));
		values.put("rules.industries", String.join("\n", rules.industries()));
		values.put(ATTACHMENT_MEGABYTES, megabytes(rules.attachmentMaxBytes()));
		values.put("rules.agreementDueDays", Integer.toString(rules.agreementDueDays()));
		values.put("rules.maxExtensionMonths", Integer.toString(rules.maxExtensionMonths()));
		values.put("rules.maxRectifications", Integer.toString(rules.maxRectifications()));
		values.put("rules.overdueBlocksApplications", Boolean.toString(rules.overdueBlocksApplications()));
		values.put("rules.autoCloseNotices", Boolean.toString(rules.autoCloseNotices()));
	}

	/** A size in MiB, exactly: {@code 20}, {@code 1.5}. */
	public static String megabytes(long bytes) {
		return BigDecimal.valueOf(bytes).divide(MEBIBYTE).stripTrailingZeros().toPlainString();
	}

	private static String text(Integer value) {
		return (value == null) ? "" : value.toString();
	}

	/** The value as typed, or an empty string. */
	public String value(String field) {
		return this.values.getOrDefault(field, "");
	}

	/** The version the form was read at, or {@code null} when missing or unreadable. */
	Long version() {
		try {
			return Long.valueOf(value("version").trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * Reads the form into a definition; refuses values that are not numbers, amounts or
	 * times, each named. An emptied rule takes the notice's value, an emptied cap lifts
	 * it.
	 */
	BatchDefinition definition() {
		List<FieldViolation> violations = new ArrayList<>();
		Integer year = integer("year", violations);
		String zoneId = value("timeZone").trim();
		ZoneId zone = BatchManagement.DEFAULT_TIME_ZONE;
		if (!zoneId.isEmpty()) {
			try {
				zone = ZoneId.of(zoneId);
			}
			catch (DateTimeException ex) {
				violations.add(new FieldViolation("timeZone", "UNKNOWN_TIME_ZONE", "not a time zone: " + zoneId));
				throw DomainException.invalid(violations);
			}
		}
		Map<String, Instant> schedule = new LinkedHashMap<>();
		for (String name : SCHEDULE) {
			schedule.put(name, time("schedule." + name, zone, violations));
		}
		Map<String, Integer> numbers = new HashMap<>();
		for (String name : NUMBER_RULES) {
			numbers.put(name, integer("rules." + name, violations));
		}
		Map<String, Optional<Integer>> caps = new HashMap<>();
		for (String name : CAP_RULES) {
			String field = "rules." + name;
			caps.put(name, blank(field) ? Optional.empty() : Optional.ofNullable(integer(field, violations)));
		}
		Map<String, Boolean> yesNo = new HashMap<>();
		for (String name : YES_NO_RULES) {
			yesNo.put(name, yesOrNo("rules." + name, violations));
		}
		Map<String, Money> minimums = new LinkedHashMap<>();
		for (ProjectType type : ProjectType.values()) {
			Money amount = money("rules.typeMinimums." + type, violations);
			if (amount != null) {
				minimums.put(type.name(), amount);
			}
		}
		BatchRules.Overrides rules = new BatchRules.Overrides(numbers.get("completionDueMonths"),
				numbers.get("minEnterpriseAgeYears"), money("rules.minEnterpriseCash", violations), minimums,
				numbers.get("keyProjectQuota"), numbers.get("noticeWorkingDays"),
				numbers.get("maxApplicationsPerTeacher"), numbers.get("maxProjectsInProgressPerTeacher"),
				numbers.get("expertsPerApplication"), caps.get("maxEndorsementsPerEnterprise"),
				caps.get("maxEndorsementsPerEnterpriseAndType"), lines("rules.directions"), lines("rules.industries"),
				attachmentBytes(violations), numbers.get("agreementDueDays"), numbers.get("maxExtensionMonths"),
				numbers.get("maxRectifications"), yesNo.get("overdueBlocksApplications"),
				yesNo.get("autoCloseNotices"));
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		return new BatchDefinition(value("code"), value("title"), year, value("provinceCode"), zoneId,
				schedule.get("guideSubmissionOpens"), schedule.get("guideSubmissionCloses"),
				schedule.get("applicationOpens"), schedule.get("applicationCloses"), schedule.get("reviewCloses"),
				rules);
	}

	private boolean blank(String field) {
		return value(field).isBlank();
	}

	private Integer integer(String field, List<FieldViolation> violations) {
		if (blank(field)) {
			return null;
		}
		try {
			return Integer.valueOf(value(field).trim());
		}
		catch (NumberFormatException ex) {
			violations.add(new FieldViolation(field, "INVALID_NUMBER", "a whole number"));
			return null;
		}
	}

	private Boolean yesOrNo(String field, List<FieldViolation> violations) {
		if (blank(field)) {
			return null;
		}
		return switch (value(field).trim()) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> {
				violations.add(new FieldViolation(field, "INVALID_YES_NO", "true or false"));
				yield null;
			}
		};
	}

	/**
	 * Whether the form holds "no" for a yes-or-no rule; anything else shows as "yes", the
	 * notice's value of every such rule.
	 */
	public boolean isNo(String field) {
		return "false".equals(value(field).trim());
	}

	private Money money(String field, List<FieldViolation> violations) {
		if (blank(field)) {
			return null;
		}
		try {
			return Money.of(value(field).replace(",", ""));
		}
		catch (IllegalArgumentException ex) {
			violations.add(new FieldViolation(field, "INVALID_AMOUNT", "an amount in yuan with at most two decimals"));
			return null;
		}
	}

	private Instant time(String field, ZoneId zone, List<FieldViolation> violations) {
		if (blank(field)) {
			return null;
		}
		try {
			return BatchTimes.parseLocal(value(field), zone);
		}
		catch (DateTimeParseException ex) {
			violations.add(new FieldViolation(field, "INVALID_TIME", "a date and time"));
			return null;
		}
	}

	private List<String> lines(String field) {
		return blank(field) ? null
				: Arrays.stream(value(field).split("\\R")).map(String::trim).filter(line -> !line.isEmpty()).toList();
	}

	private Long attachmentBytes(List<FieldViolation> violations) {
		if (blank(ATTACHMENT_MEGABYTES)) {
			return null;
		}
		try {
			return new BigDecimal(value(ATTACHMENT_MEGABYTES).trim()).multiply(MEBIBYTE)
				.setScale(0, RoundingMode.DOWN)
				.longValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			violations.add(new FieldViolation("rules.attachmentMaxBytes", "INVALID_NUMBER", "a number of MiB"));
			return null;
		}
	}

}
