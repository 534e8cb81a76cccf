package org.xietong.batches;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.xietong.shared.Money;

/**
 * A batch: its identity, schedule and rules. The rules are kept in columns and child
 * tables that the database can check, never as an opaque document.
 */
@Table("batches")
class Batch {

	@Id
	private final UUID id;

	private String code;

	private String title;

	@Column("batch_year")
	private int year;

	private String provinceCode;

	private String timeZone;

	@Embedded.Nullable
	private BatchSchedule schedule;

	@Embedded.Nullable
	private RuleColumns rules;

	@MappedCollection(idColumn = "batch_id")
	private Set<TypeMinimum> typeMinimums;

	@MappedCollection(idColumn = "batch_id", keyColumn = "list_index")
	private List<Direction> directions;

	@MappedCollection(idColumn = "batch_id", keyColumn = "list_index")
	private List<Industry> industries;

	private final Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	@PersistenceCreator
	Batch(UUID id, String code, String title, int year, String provinceCode, String timeZone, BatchSchedule schedule,
			RuleColumns rules, Set<TypeMinimum> typeMinimums, List<Direction> directions, List<Industry> industries,
			Instant createdAt, Instant updatedAt, Long version) {
		this.id = id;
		this.code = code;
		this.title = title;
		this.year = year;
		this.provinceCode = provinceCode;
		this.timeZone = timeZone;
		this.schedule = schedule;
		this.rules = rules;
		this.typeMinimums = typeMinimums;
		this.directions = directions;
		this.industries = industries;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	static Batch open(Settings settings, Instant now) {
		Batch batch = new Batch(UUID.randomUUID(), null, null, 0, null, null, null, null, null, null, null, now, now,
				null);
		batch.apply(settings);
		return batch;
	}

	/** Replaces what the department set: identity, schedule and every rule. */
	void redefine(Settings settings, Instant now) {
		apply(settings);
		this.updatedAt = now;
	}

	private void apply(Settings settings) {
		this.code = settings.code();
		this.title = settings.title();
		this.year = settings.year();
		this.provinceCode = settings.provinceCode();
		this.timeZone = settings.timeZone().getId();
		this.schedule = settings.schedule();
		BatchRules rules = settings.rules();
		this.rules = RuleColumns.of(rules);
		this.typeMinimums = rules.typeMinimums()
			.entrySet()
			.stream()
			.map(entry -> new TypeMinimum(entry.getKey(), entry.getValue()))
			.collect(Collectors.toSet());
		this.directions = rules.directions().stream().map(Direction::new).toList();
		this.industries = rules.industries().stream().map(Industry::new).toList();
	}

	UUID id() {
		return this.id;
	}

	String code() {
		return this.code;
	}

	long version() {
		return (this.version == null) ? 0 : this.version;
	}

	BatchView view() {
		Map<ProjectType, Money> minimums = new EnumMap<>(ProjectType.class);
		this.typeMinimums.forEach(minimum -> minimums.put(minimum.projectType(), minimum.amount()));
		RuleColumns r = this.rules;
		BatchRules rules = new BatchRules(r.completionDueMonths(), r.minEnterpriseAgeYears(), r.minEnterpriseCash(),
				minimums, r.keyProjectQuota(), r.noticeWorkingDays(), r.maxApplicationsPerTeacher(),
				r.maxProjectsInProgressPerTeacher(), r.expertsPerApplication(), r.maxEndorsementsPerEnterprise(),
				r.maxEndorsementsPerEnterpriseAndType(), this.directions.stream().map(Direction::name).toList(),
				this.industries.stream().map(Industry::name).toList(), r.attachmentMaxBytes(), r.agreementDueDays(),
				r.maxExtensionMonths(), r.maxRectifications(), r.overdueBlocksApplications(), r.autoCloseNotices());
		return new BatchView(this.id, this.code, this.title, this.year, this.provinceCode, ZoneId.of(this.timeZone),
				this.schedule, rules, this.createdAt, this.updatedAt, version());
	}

	/** A batch's checked settings, ready to be applied. */
	record Settings(String code, String title, int year, String provinceCode, ZoneId timeZone, BatchSchedule schedule,
			BatchRules rules) {
	}

	/** The rules that are single values, one column each. */
	record RuleColumns(int completionDueMonths, int minEnterpriseAgeYears, Money minEnterpriseCash, int keyProjectQuota,
			int noticeWorkingDays, int maxApplicationsPerTeacher, int maxProjectsInProgressPerTeacher,
			int expertsPerApplication, Integer maxEndorsementsPerEnterprise,
			Integer maxEndorsementsPerEnterpriseAndType, long attachmentMaxBytes, int agreementDueDays,
			int maxExtensionMonths, int maxRectifications, boolean overdueBlocksApplications,
			boolean autoCloseNotices) {

		static RuleColumns of(BatchRules rules) {
			return new RuleColumns(rules.completionDueMonths(), rules.minEnterpriseAgeYears(),
					rules.minEnterpriseCash(), rules.keyProjectQuota(), rules.noticeWorkingDays(),
					rules.maxApplicationsPerTeacher(), rules.maxProjectsInProgressPerTeacher(),
					rules.expertsPerApplication(), rules.maxEndorsementsPerEnterprise(),
					rules.maxEndorsementsPerEnterpriseAndType(), rules.attachmentMaxBytes(), rules.agreementDueDays(),
					rules.maxExtensionMonths(), rules.maxRectifications(), rules.overdueBlocksApplications(),
					rules.autoCloseNotices());
		}

	}

	@Table("batch_type_minimums")
	record TypeMinimum(ProjectType projectType, Money amount) {
	}

	@Table("batch_directions")
	record Direction(String name) {
	}

	@Table("batch_industries")
	record Industry(String name) {
	}

}
