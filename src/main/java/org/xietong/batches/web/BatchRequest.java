package org.xietong.batches.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.xietong.batches.BatchDefinition;
import org.xietong.batches.BatchRules;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;

/**
 * A batch as the API receives it. Omitted rules, and omitted types in
 * {@code typeMinimums}, take the 2024 notice's values; {@code version} is required to
 * change a batch.
 */
record BatchRequest(@Schema(example = "JL-2024") String code, @Schema(example = "2024年吉林省高等教育产学合作协同育人项目") String title,
		@Schema(example = "2024") Integer year,
		@Schema(example = "JL", description = "two upper-case letters; default JL") String provinceCode,
		@Schema(example = "Asia/Shanghai", description = "default Asia/Shanghai") String timeZone,
		BatchResource.Schedule schedule,
		@Schema(description = "only the rules to change; the others take the notice's values. Those of a project's "
				+ "life after approval: agreementDueDays (days after the approval list is published to submit the "
				+ "cooperation agreement; default 30, 1 to 365), maxExtensionMonths (the longest extension one change "
				+ "request may ask; default 12, 1 to 36), maxRectifications (times acceptance may send a project back; "
				+ "default 1, 0 to 3), overdueBlocksApplications (a leader with a project past its end date cannot "
				+ "submit; default true), autoCloseNotices (a notice whose period has ended with no objection open "
				+ "closes itself; default true)") BatchRules.Overrides rules,
		@Schema(description = "the version read; required by PUT") Long version) {

	/**
	 * The definition, with instants read from ISO-8601 with an offset; refuses unreadable
	 * instants, each named.
	 */
	BatchDefinition definition() {
		List<FieldViolation> violations = new ArrayList<>();
		BatchResource.Schedule times = (this.schedule != null) ? this.schedule
				: new BatchResource.Schedule(null, null, null, null, null);
		Instant guideOpens = instant("guideSubmissionOpens", times.guideSubmissionOpens(), violations);
		Instant guideCloses = instant("guideSubmissionCloses", times.guideSubmissionCloses(), violations);
		Instant applicationOpens = instant("applicationOpens", times.applicationOpens(), violations);
		Instant applicationCloses = instant("applicationCloses", times.applicationCloses(), violations);
		Instant reviewCloses = instant("reviewCloses", times.reviewCloses(), violations);
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		return new BatchDefinition(this.code, this.title, this.year, this.provinceCode, this.timeZone, guideOpens,
				guideCloses, applicationOpens, applicationCloses, reviewCloses, this.rules);
	}

	private static Instant instant(String name, String text, List<FieldViolation> violations) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return BatchTimes.parseWithOffset(text);
		}
		catch (DateTimeParseException ex) {
			violations.add(new FieldViolation("schedule." + name, "INVALID_TIME",
					"an ISO-8601 instant with an offset, e.g. 2024-11-01T23:59:59+08:00"));
			return null;
		}
	}

}
