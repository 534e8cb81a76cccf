package org.xietong.batches;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.Money;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A batch's rules: every number the notice sets, and those the notice leaves open, as
 * values the department sets per batch. {@link #notice2024()} gives the 2024 notice's
 * values; a request names only what it changes ({@link #with(Overrides)}). Rules that
 * break a limit cannot exist: each problem names its field as {@code rules.<name>}.
 *
 * @param completionDueMonths months from approval within which a project should complete
 * @param minEnterpriseAgeYears years an enterprise must have existed (成立至少 2 年)
 * @param minEnterpriseCash an enterprise's least cash over all its guides in the batch
 * @param typeMinimums each project type's least support per project, measured as
 * {@link ProjectType#measure()} says
 * @param keyProjectQuota how many key projects (重点项目) the batch approves at most
 * @param noticeWorkingDays how many working days a public notice lasts
 * @param maxApplicationsPerTeacher how many applications a teacher files at most
 * @param maxProjectsInProgressPerTeacher how many projects a teacher leads at once at
 * most
 * @param expertsPerApplication how many experts score each application
 * @param maxEndorsementsPerEnterprise how many applications a university endorses to one
 * enterprise at most, or {@code null} for no cap
 * @param maxEndorsementsPerEnterpriseAndType the same for one enterprise and one type, or
 * {@code null} for no cap
 * @param directions the key directions (重点支持方向) a guide chooses from
 * @param industries the industries (产业领域) a guide chooses from
 * @param attachmentMaxBytes the largest attachment an application may carry
 * @param agreementDueDays days after the approval list is published by which the leader
 * must have submitted the cooperation agreement (合作协议)
 * @param maxExtensionMonths the longest extension of a project's end date that one change
 * request may ask (a project is extended once at most, whatever the batch)
 * @param maxRectifications how many times acceptance may send a project back to rectify
 * and resubmit
 * @param overdueBlocksApplications whether a teacher who leads a project past its end
 * date without completion is refused when submitting an application in this batch
 * @param autoCloseNotices whether a public notice of the batch whose period has ended
 * with no objection open closes itself
 */
public record BatchRules(int completionDueMonths, int minEnterpriseAgeYears, Money minEnterpriseCash,
		Map<ProjectType, Money> typeMinimums, int keyProjectQuota, int noticeWorkingDays, int maxApplicationsPerTeacher,
		int maxProjectsInProgressPerTeacher, int expertsPerApplication, Integer maxEndorsementsPerEnterprise,
		Integer maxEndorsementsPerEnterpriseAndType, List<String> directions, List<String> industries,
		long attachmentMaxBytes, int agreementDueDays, int maxExtensionMonths, int maxRectifications,
		boolean overdueBlocksApplications, boolean autoCloseNotices) {

	/** The largest attachment limit a batch may set: the server's upload limit. */
	public static final long MAX_ATTACHMENT_BYTES = 50L * 1024 * 1024;

	/** The longest direction or industry name. */
	public static final int MAX_ENTRY_LENGTH = 100;

	/** The most directions or industries a batch may list. */
	public static final int MAX_ENTRIES = 50;

	private static final Money MAX_AMOUNT = Money.of(new BigDecimal("999999999999.99"));

	private static final Map<ProjectType, Money> NOTICE_TYPE_MINIMUMS = Map.of(ProjectType.NEW_DISCIPLINES,
			Money.yuan(20_000), ProjectType.CURRICULUM, Money.yuan(20_000), ProjectType.TEACHER_TRAINING,
			Money.yuan(10_000), ProjectType.PRACTICE_BASE, Money.yuan(50_000), ProjectType.INNOVATION_EDUCATION,
			Money.yuan(20_000), ProjectType.INNOVATION_FUND, Money.yuan(20_000));

	private static final List<String> DIRECTIONS_2024 = List.of("人工智能", "数字经济", "机器人与装备制造", "新能源", "智能农业", "智能医学",
			"新文科");

	private static final List<String> INDUSTRIES_2024 = List.of("汽车", "冰雪", "医药健康", "光电信息", "人工智能", "生态环保(新能源)",
			"碳纤维(化工新材料)", "文化旅游", "现代农业", "休闲康养", "智能制造", "电子商务", "乡村振兴");

	private static final BatchRules NOTICE_2024 = new BatchRules(24, 2, Money.yuan(200_000), NOTICE_TYPE_MINIMUMS, 20,
			5, 3, 3, 3, 6, 2, DIRECTIONS_2024, INDUSTRIES_2024, 20L * 1024 * 1024, 30, 12, 1, true, true);

	public BatchRules {
		List<FieldViolation> violations = new ArrayList<>();
		range(violations, "completionDueMonths", completionDueMonths, 1, 120, "COMPLETION_MONTHS_RANGE");
		range(violations, "minEnterpriseAgeYears", minEnterpriseAgeYears, 0, 100, "ENTERPRISE_AGE_RANGE");
		amount(violations, "minEnterpriseCash", minEnterpriseCash);
		if (typeMinimums == null) {
			violations.add(violation("typeMinimums", "REQUIRED", "the type minimums are required"));
		}
		else {
			for (ProjectType type : ProjectType.values()) {
				amount(violations, "typeMinimums." + type.name(), typeMinimums.get(type));
			}
		}
		notNegative(violations, "keyProjectQuota", keyProjectQuota);
		range(violations, "noticeWorkingDays", noticeWorkingDays, 1, 30, "NOTICE_DAYS_RANGE");
		notNegative(violations, "maxApplicationsPerTeacher", maxApplicationsPerTeacher);
		notNegative(violations, "maxProjectsInProgressPerTeacher", maxProjectsInProgressPerTeacher);
		range(violations, "expertsPerApplication", expertsPerApplication, 1, 15, "EXPERTS_RANGE");
		if (maxEndorsementsPerEnterprise != null) {
			notNegative(violations, "maxEndorsementsPerEnterprise", maxEndorsementsPerEnterprise);
		}
		if (maxEndorsementsPerEnterpriseAndType != null) {
			notNegative(violations, "maxEndorsementsPerEnterpriseAndType", maxEndorsementsPerEnterpriseAndType);
		}
		list(violations, "directions", directions);
		list(violations, "industries", industries);
		if (attachmentMaxBytes < 1 || attachmentMaxBytes > MAX_ATTACHMENT_BYTES) {
			violations.add(violation("attachmentMaxBytes", "ATTACHMENT_SIZE_RANGE",
					"from 1 byte to " + MAX_ATTACHMENT_BYTES + " bytes"));
		}
		range(violations, "agreementDueDays", agreementDueDays, 1, 365, "AGREEMENT_DAYS_RANGE");
		range(violations, "maxExtensionMonths", maxExtensionMonths, 1, 36, "EXTENSION_MONTHS_RANGE");
		range(violations, "maxRectifications", maxRectifications, 0, 3, "RECTIFICATIONS_RANGE");
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		Map<ProjectType, Money> minimums = new EnumMap<>(ProjectType.class);
		for (ProjectType type : ProjectType.values()) {
			minimums.put(type, typeMinimums.get(type));
		}
		typeMinimums = Collections.unmodifiableMap(minimums);
		directions = directions.stream().map(String::trim).toList();
		industries = industries.stream().map(String::trim).toList();
	}

	/**
	 * The 2024 notice's rules, and the national programme's practice where it is silent.
	 */
	public static BatchRules notice2024() {
		return NOTICE_2024;
	}

	/**
	 * The 2024 notice's rules with the given ones changed: every rule that
	 * {@code overrides} omits, and every project type its {@code typeMinimums} omits,
	 * keeps the notice's value.
	 */
	public static BatchRules merge(Overrides overrides) {
		return NOTICE_2024.with(overrides);
	}

	/**
	 * These rules with the given ones changed; refuses an unknown project type and every
	 * invalid value at once.
	 */
	public BatchRules with(Overrides overrides) {
		if (overrides == null) {
			return this;
		}
		List<FieldViolation> violations = new ArrayList<>();
		Map<ProjectType, Money> minimums = new EnumMap<>(this.typeMinimums);
		if (overrides.typeMinimums() != null) {
			overrides.typeMinimums().forEach((name, amount) -> {
				Optional<ProjectType> type = ProjectType.parse(name);
				if (type.isEmpty()) {
					violations.add(violation("typeMinimums." + name, "UNKNOWN_PROJECT_TYPE", "no such project type"));
				}
				else if (amount != null) {
					minimums.put(type.get(), amount);
				}
			});
		}
		try {
			BatchRules merged = new BatchRules(pick(overrides.completionDueMonths(), this.completionDueMonths),
					pick(overrides.minEnterpriseAgeYears(), this.minEnterpriseAgeYears),
					pick(overrides.minEnterpriseCash(), this.minEnterpriseCash), minimums,
					pick(overrides.keyProjectQuota(), this.keyProjectQuota),
					pick(overrides.noticeWorkingDays(), this.noticeWorkingDays),
					pick(overrides.maxApplicationsPerTeacher(), this.maxApplicationsPerTeacher),
					pick(overrides.maxProjectsInProgressPerTeacher(), this.maxProjectsInProgressPerTeacher),
					pick(overrides.expertsPerApplication(), this.expertsPerApplication),
					cap(overrides.maxEndorsementsPerEnterprise(), this.maxEndorsementsPerEnterprise),
					cap(overrides.maxEndorsementsPerEnterpriseAndType(), this.maxEndorsementsPerEnterpriseAndType),
					pick(overrides.directions(), this.directions), pick(overrides.industries(), this.industries),
					pick(overrides.attachmentMaxBytes(), this.attachmentMaxBytes),
					pick(overrides.agreementDueDays(), this.agreementDueDays),
					pick(overrides.maxExtensionMonths(), this.maxExtensionMonths),
					pick(overrides.maxRectifications(), this.maxRectifications),
					pick(overrides.overdueBlocksApplications(), this.overdueBlocksApplications),
					pick(overrides.autoCloseNotices(), this.autoCloseNotices));
			if (violations.isEmpty()) {
				return merged;
			}
		}
		catch (DomainException ex) {
			violations.addAll(ex.violations());
		}
		throw DomainException.invalid(violations);
	}

	/** The least support per project of a type. */
	public Money minimumFor(ProjectType type) {
		return this.typeMinimums.get(type);
	}

	private static <T> T pick(T requested, T current) {
		return (requested != null) ? requested : current;
	}

	private static Integer cap(Optional<Integer> requested, Integer current) {
		return (requested != null) ? requested.orElse(null) : current;
	}

	private static FieldViolation violation(String field, String code, String message) {
		return new FieldViolation("rules." + field, code, message);
	}

	private static void range(List<FieldViolation> violations, String field, long value, long min, long max,
			String code) {
		if (value < min || value > max) {
			violations.add(violation(field, code, "from " + min + " to " + max));
		}
	}

	private static void notNegative(List<FieldViolation> violations, String field, int value) {
		if (value < 0) {
			violations.add(violation(field, "NEGATIVE_NUMBER", "may not be negative"));
		}
	}

	private static void amount(List<FieldViolation> violations, String field, Money amount) {
		if (amount == null) {
			violations.add(violation(field, "REQUIRED", "an amount is required"));
		}
		else if (amount.isNegative()) {
			violations.add(violation(field, "NEGATIVE_AMOUNT", "may not be negative"));
		}
		else if (MAX_AMOUNT.isLessThan(amount)) {
			violations.add(violation(field, "AMOUNT_TOO_LARGE", "at most " + MAX_AMOUNT + " yuan"));
		}
	}

	private static void list(List<FieldViolation> violations, String field, List<String> entries) {
		if (entries == null || entries.isEmpty()) {
			violations.add(violation(field, "LIST_EMPTY", "name at least one"));
			return;
		}
		if (entries.size() > MAX_ENTRIES) {
			violations.add(violation(field, "TOO_MANY_ENTRIES", "at most " + MAX_ENTRIES));
		}
		Set<String> seen = new HashSet<>();
		for (String entry : entries) {
			String trimmed = (entry == null) ? "" : entry.trim();
			if (trimmed.isEmpty()) {
				violations.add(violation(field, "BLANK_ENTRY", "an entry is blank"));
				return;
			}
			if (trimmed.length() > MAX_ENTRY_LENGTH) {
				violations.add(violation(field, "ENTRY_TOO_LONG", "at most " + MAX_ENTRY_LENGTH + " characters"));
				return;
			}
			if (!seen.add(trimmed)) {
				violations.add(violation(field, "DUPLICATE_ENTRY", "'" + trimmed + "' appears twice"));
				return;
			}
		}
	}

	/**
	 * The rules a request changes; {@code null} keeps a rule as it is. For the two caps,
	 * whose own value may be "no cap", {@code null} keeps the cap, an empty value lifts
	 * it (JSON: an explicit {@code null}) and a number sets it.
	 */
	public record Overrides(Integer completionDueMonths, Integer minEnterpriseAgeYears, Money minEnterpriseCash,
			Map<String, Money> typeMinimums, Integer keyProjectQuota, Integer noticeWorkingDays,
			Integer maxApplicationsPerTeacher, Integer maxProjectsInProgressPerTeacher, Integer expertsPerApplication,
			@JsonDeserialize(using = NullLiftsCap.class) Optional<Integer> maxEndorsementsPerEnterprise,
			@JsonDeserialize(using = NullLiftsCap.class) Optional<Integer> maxEndorsementsPerEnterpriseAndType,
			List<String> directions, List<String> industries, Long attachmentMaxBytes, Integer agreementDueDays,
			Integer maxExtensionMonths, Integer maxRectifications, Boolean overdueBlocksApplications,
			Boolean autoCloseNotices) {

		/**
		 * The overrides without {@code autoCloseNotices}, which then keeps its value.
		 */
		public Overrides(Integer completionDueMonths, Integer minEnterpriseAgeYears, Money minEnterpriseCash,
				Map<String, Money> typeMinimums, Integer keyProjectQuota, Integer noticeWorkingDays,
				Integer maxApplicationsPerTeacher, Integer maxProjectsInProgressPerTeacher,
				Integer expertsPerApplication, Optional<Integer> maxEndorsementsPerEnterprise,
				Optional<Integer> maxEndorsementsPerEnterpriseAndType, List<String> directions, List<String> industries,
				Long attachmentMaxBytes, Integer agreementDueDays, Integer maxExtensionMonths,
				Integer maxRectifications, Boolean overdueBlocksApplications) {
			this(completionDueMonths, minEnterpriseAgeYears, minEnterpriseCash, typeMinimums, keyProjectQuota,
					noticeWorkingDays, maxApplicationsPerTeacher, maxProjectsInProgressPerTeacher,
					expertsPerApplication, maxEndorsementsPerEnterprise, maxEndorsementsPerEnterpriseAndType,
					directions, industries, attachmentMaxBytes, agreementDueDays, maxExtensionMonths, maxRectifications,
					overdueBlocksApplications, null);
		}

		/** Changes nothing: the rules are the defaults. */
		public static Overrides none() {
			return new Overrides(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
					null, null, null, null, null);
		}

	}

	/**
	 * Reads a cap: absent keeps it ({@code null}), an explicit JSON {@code null} lifts it
	 * (empty), a number sets it.
	 */
	static final class NullLiftsCap extends ValueDeserializer<Optional<Integer>> {

		@Override
		public Optional<Integer> deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
				return Optional.ofNullable((Integer) context.handleUnexpectedToken(Integer.class, parser));
			}
			return Optional.of(parser.getIntValue());
		}

		@Override
		public Object getNullValue(DeserializationContext context) {
			return Optional.empty();
		}

		@Override
		public Object getAbsentValue(DeserializationContext context) {
			return null;
		}

	}

}
