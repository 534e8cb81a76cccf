package org.xietong.batches;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.PageResult;

/**
 * Opens and changes batches, each change audited in its own transaction, and tells
 * everyone which phase a batch is in by the platform's clock.
 */
@Service
public class BatchManagement {

	/** The province of a batch that names none: Jilin. */
	public static final String DEFAULT_PROVINCE = "JL";

	/** The time zone of a batch that names none. */
	public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Shanghai");

	public static final int MIN_YEAR = 2000;

	public static final int MAX_YEAR = 2100;

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

	private static final Pattern PROVINCE = Pattern.compile("[A-Z]{2}");

	private static final int MAX_TITLE = 200;

	private final Batches batches;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final Map<UUID, BatchView> views = new ConcurrentHashMap<>();

	BatchManagement(Batches batches, JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.batches = batches;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Opens a batch; refuses with every problem at once, or with {@code BATCH_CODE_TAKEN}
	 * when its code is the only one.
	 */
	@Transactional
	public BatchView create(BatchDefinition definition) {
		Batch.Settings settings = check(definition, null);
		Batch batch = save(Batch.open(settings, this.clock.instant()), settings.code());
		BatchView view = batch.view();
		this.audit.record(AuditEvent.of("BATCH_CREATED", "Batch", view.id()).after(summary(view)));
		return view;
	}

	/**
	 * Replaces a batch's settings; omitted rules take the notice's values again. Refuses
	 * with {@code VERSION_CONFLICT} (409) when the batch changed since {@code version}.
	 */
	@Transactional
	public BatchView update(UUID id, Long version, BatchDefinition definition) {
		Batch batch = this.batches.findById(id).orElseThrow(() -> DomainException.notFound("batch"));
		if (version == null) {
			throw DomainException.invalid("version", "REQUIRED", "the version read is required");
		}
		if (version != batch.version()) {
			throw new DomainException(409, "VERSION_CONFLICT",
					"batch " + id + " is at version " + batch.version() + ", not " + version);
		}
		Batch.Settings settings = check(definition, id);
		String before = summary(batch.view());
		batch.redefine(settings, this.clock.instant());
		BatchView view = save(batch, settings.code()).view();
		this.audit.record(AuditEvent.of("BATCH_UPDATED", "Batch", id).before(before).after(summary(view)));
		return view;
	}

	/**
	 * The batch, read whole only when its version changed since this instance last read
	 * it: a batch changes a few times a year and is read by every request that acts in it
	 * (at the deadline, its aggregate's load was 15 % of a submission's CPU).
	 */
	@Transactional(readOnly = true)
	public Optional<BatchView> find(UUID id) {
		Optional<Long> version = this.jdbc.sql("SELECT COALESCE(version, 0) FROM batches WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.optional();
		if (version.isEmpty()) {
			this.views.remove(id);
			return Optional.empty();
		}
		BatchView known = this.views.get(id);
		if (known != null && known.version() == version.get()) {
			return Optional.of(known);
		}
		Optional<BatchView> view = this.batches.findById(id).map(Batch::view);
		view.ifPresent(read -> this.views.put(id, read));
		return view;
	}

	@Transactional(readOnly = true)
	public Optional<BatchView> findByCode(String code) {
		return this.batches.findByCode(code).map(Batch::view);
	}

	/** A page of batches, newest year first, then by code; {@code year} may be null. */
	@Transactional(readOnly = true)
	public PageResult<BatchView> search(Integer year, int page, int size) {
		PageResult.check(page, size);
		Map<String, Object> params = new HashMap<>();
		String where = "";
		if (year != null) {
			where = " WHERE batch_year = :year";
			params.put("year", year);
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM batches" + where).params(params).query(Long.class).single();
		List<UUID> ids = this.jdbc
			.sql("SELECT id FROM batches" + where + " ORDER BY batch_year DESC, code LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(UUID.class)
			.list();
		Map<UUID, BatchView> found = new HashMap<>();
		this.batches.findAllById(ids).forEach(batch -> found.put(batch.id(), batch.view()));
		return new PageResult<>(ids.stream().map(found::get).toList(), page, size, total);
	}

	/**
	 * Every batch, newest year first, then by code: a province opens about one a year, so
	 * they are few.
	 */
	@Transactional(readOnly = true)
	public List<BatchView> all() {
		List<UUID> ids = this.jdbc.sql("SELECT id FROM batches ORDER BY batch_year DESC, code")
			.query(UUID.class)
			.list();
		Map<UUID, BatchView> found = new HashMap<>();
		this.batches.findAllById(ids).forEach(batch -> found.put(batch.id(), batch.view()));
		return ids.stream().map(found::get).toList();
	}

	/** The phase a batch is in now, by the platform's clock. */
	@Transactional(readOnly = true)
	public BatchPhase currentPhase(UUID id) {
		return find(id).orElseThrow(() -> DomainException.notFound("batch")).phaseAt(this.clock.instant());
	}

	private Batch.Settings check(BatchDefinition definition, UUID self) {
		List<FieldViolation> violations = new ArrayList<>();
		String code = trim(definition.code());
		if (code.isEmpty()) {
			violations.add(new FieldViolation("code", "REQUIRED", "a code is required"));
		}
		else if (!CODE.matcher(code).matches()) {
			violations.add(new FieldViolation("code", "INVALID_BATCH_CODE",
					"1 to 40 letters, digits or . _ -, starting with a letter or digit"));
		}
		else if (this.batches.findByCode(code).filter(other -> !other.id().equals(self)).isPresent()) {
			violations.add(new FieldViolation("code", "BATCH_CODE_TAKEN", "a batch with this code exists"));
		}
		String title = trim(definition.title());
		if (title.isEmpty()) {
			violations.add(new FieldViolation("title", "REQUIRED", "a title is required"));
		}
		else if (title.length() > MAX_TITLE) {
			violations.add(new FieldViolation("title", "TITLE_TOO_LONG", "at most " + MAX_TITLE + " characters"));
		}
		Integer year = definition.year();
		if (year == null) {
			violations.add(new FieldViolation("year", "REQUIRED", "a year is required"));
		}
		else if (year < MIN_YEAR || year > MAX_YEAR) {
			violations.add(new FieldViolation("year", "YEAR_RANGE", "from " + MIN_YEAR + " to " + MAX_YEAR));
		}
		String province = trim(definition.provinceCode());
		if (province.isEmpty()) {
			province = DEFAULT_PROVINCE;
		}
		else if (!PROVINCE.matcher(province).matches()) {
			violations.add(new FieldViolation("provinceCode", "PROVINCE_CODE_FORMAT", "two upper-case letters"));
		}
		ZoneId zone = zone(definition.timeZone(), violations);
		BatchSchedule schedule = collect(violations,
				() -> new BatchSchedule(definition.guideSubmissionOpens(), definition.guideSubmissionCloses(),
						definition.applicationOpens(), definition.applicationCloses(), definition.reviewCloses()));
		BatchRules rules = collect(violations, () -> BatchRules.merge(definition.rules()));
		if (violations.size() == 1 && violations.get(0).code().equals("BATCH_CODE_TAKEN")) {
			throw codeTaken(code);
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		return new Batch.Settings(code, title, year, province, zone, schedule, rules);
	}

	private static ZoneId zone(String timeZone, List<FieldViolation> violations) {
		String id = trim(timeZone);
		if (id.isEmpty()) {
			return DEFAULT_TIME_ZONE;
		}
		try {
			return ZoneId.of(id);
		}
		catch (DateTimeException ex) {
			violations.add(new FieldViolation("timeZone", "UNKNOWN_TIME_ZONE", "not a time zone: " + id));
			return null;
		}
	}

	/** Saves, turning a code taken by a concurrent request into the same refusal. */
	private Batch save(Batch batch, String code) {
		try {
			return this.batches.save(batch);
		}
		catch (RuntimeException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof DuplicateKeyException) {
					throw codeTaken(code);
				}
			}
			throw ex;
		}
	}

	private static DomainException codeTaken(String code) {
		return new DomainException(422, "BATCH_CODE_TAKEN",
				List.of(new FieldViolation("code", "BATCH_CODE_TAKEN", "a batch with this code exists")),
				"a batch with the code " + code + " exists", code);
	}

	private static <T> T collect(List<FieldViolation> violations, Supplier<T> value) {
		try {
			return value.get();
		}
		catch (DomainException ex) {
			violations.addAll(ex.violations());
			return null;
		}
	}

	private static String trim(String value) {
		return (value == null) ? "" : value.trim();
	}

	private static String summary(BatchView batch) {
		return "code=" + batch.code() + ", title=" + batch.title() + ", year=" + batch.year() + ", provinceCode="
				+ batch.provinceCode() + ", timeZone=" + batch.timeZone() + ", " + batch.schedule() + ", "
				+ batch.rules();
	}

}
