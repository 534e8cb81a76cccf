package org.xietong.notices;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.calendar.WorkingDayCalendar;
import org.xietong.files.FileType;
import org.xietong.files.StoredFile;
import org.xietong.files.StoredFiles;
import org.xietong.notices.NoticeSubjects.NoticeSubject;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.PageResult;

/**
 * Opens public notices for the batch's number of working days, takes objections, records
 * their decisions and closes notices. Subjects' fates are the subject modules' business:
 * they hear of them as {@link ObjectionUpheld} and {@link NoticeClosed}, synchronously,
 * in the same transaction, so that a decision and its consequence commit together.
 */
@Service
public class NoticeBoard {

	/**
	 * Objections one client address may file in an hour: enough for a person, too few for
	 * a flood.
	 */
	public static final int OBJECTIONS_PER_HOUR = 5;

	public static final long MAX_EVIDENCE_BYTES = 20L * 1024 * 1024;

	private final JdbcClient jdbc;

	private final List<NoticeSubjects> subjects;

	private final BatchManagement batches;

	private final WorkingDayCalendar calendar;

	private final StoredFiles files;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	NoticeBoard(JdbcClient jdbc, List<NoticeSubjects> subjects, BatchManagement batches, WorkingDayCalendar calendar,
			StoredFiles files, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.subjects = subjects;
		this.batches = batches;
		this.calendar = calendar;
		this.files = files;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Opens a notice now, closing at the end of the batch's {@code noticeWorkingDays}-th
	 * working day.
	 */
	@Transactional
	public NoticeView open(UUID batchId, NoticeKind kind, String title, String body, List<UUID> subjectIds,
			UUID openerOrganizationId, String openedBy) {
		List<FieldViolation> violations = new ArrayList<>();
		if (title == null || title.isBlank() || title.length() > 200) {
			violations.add(new FieldViolation("title", "REQUIRED", "a title of 1 to 200 characters"));
		}
		if (body == null || body.length() > 20000) {
			violations.add(new FieldViolation("body", "TOO_LONG", "at most 20000 characters"));
		}
		if (kind == null) {
			violations.add(new FieldViolation("kind", "REQUIRED", "a kind"));
		}
		List<UUID> ids = (subjectIds == null) ? List.of() : subjectIds.stream().distinct().toList();
		if (kind != null && kind != NoticeKind.GENERAL && ids.isEmpty()) {
			violations.add(new FieldViolation("subjectIds", "REQUIRED", "at least one subject"));
		}
		BatchView batch = (batchId == null) ? null : this.batches.find(batchId).orElse(null);
		if (batch == null) {
			violations.add(new FieldViolation("batchId", "UNKNOWN_BATCH", "no such batch"));
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		List<NoticeSubject> shown = (kind == NoticeKind.GENERAL && ids.isEmpty()) ? List.of()
				: provider(kind).putUnderNotice(kind, batchId, openerOrganizationId, ids);
		Instant opensAt = this.clock.instant();
		int workingDays = batch.rules().noticeWorkingDays();
		Instant closesAt = this.calendar.closesAt(opensAt, workingDays, batch.timeZone());
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO notices (id, batch_id, kind, title, body, opener_organization_id, opened_by, opens_at,
				  closes_at, working_days, status, version)
				VALUES (:id, :batch, :kind, :title, :body, :opener, :by, :opens, :closes, :days, 'OPEN', 0)""")
			.param("id", id)
			.param("batch", batchId)
			.param("kind", kind.name())
			.param("title", title.trim())
			.param("body", body == null ? "" : body.trim())
			.param("opener", openerOrganizationId)
			.param("by", openedBy)
			.param("opens", utc(opensAt))
			.param("closes", utc(closesAt))
			.param("days", workingDays)
			.update();
		int position = 0;
		for (NoticeSubject subject : shown) {
			this.jdbc.sql("""
					INSERT INTO notice_subjects (notice_id, subject_id, sort_order, title, summary, revoked)
					VALUES (:notice, :subject, :position, :title, :summary, FALSE)""")
				.param("notice", id)
				.param("subject", subject.id())
				.param("position", position++)
				.param("title", subject.title())
				.param("summary", subject.summary())
				.update();
		}
		this.audit.record(AuditEvent.of("NOTICE_OPENED", "Notice", id)
			.after(kind + " \"" + title.trim() + "\", " + shown.size() + " subjects, closes " + closesAt));
		return find(id).orElseThrow();
	}

	/**
	 * Adds subjects to an open notice: a result redone after an upheld objection shows
	 * the public what now stands. Subjects already on it are left as they are.
	 */
	@Transactional
	public void addSubjects(UUID noticeId, List<NoticeSubjects.NoticeSubject> subjects) {
		NoticeView notice = find(noticeId).orElseThrow(() -> DomainException.notFound("notice"));
		if (!notice.isOpen()) {
			throw DomainException.illegalTransition("the notice is closed already");
		}
		int position = notice.subjects().size();
		for (NoticeSubjects.NoticeSubject subject : subjects) {
			if (notice.subjects().stream().anyMatch(s -> s.id().equals(subject.id()))) {
				continue;
			}
			this.jdbc.sql("""
					INSERT INTO notice_subjects (notice_id, subject_id, sort_order, title, summary, revoked)
					VALUES (:notice, :subject, :position, :title, :summary, FALSE)""")
				.param("notice", noticeId)
				.param("subject", subject.id())
				.param("position", position++)
				.param("title", subject.title())
				.param("summary", subject.summary())
				.update();
			this.audit.record(AuditEvent.of("NOTICE_SUBJECT_ADDED", "Notice", noticeId).after(subject.title()));
		}
	}

	/**
	 * Files an objection on a subject of an open notice, with optional evidence files. A
	 * client address may file {@value #OBJECTIONS_PER_HOUR} in an hour.
	 */
	@Transactional
	public ObjectionView object(UUID noticeId, NewObjection objection, List<Evidence> evidence, String clientAddress) {
		NoticeView notice = find(noticeId).orElseThrow(() -> DomainException.notFound("notice"));
		Instant now = this.clock.instant();
		if (!notice.isOpen() || now.isAfter(notice.closesAt())) {
			throw new DomainException(409, "NOTICE_CLOSED", "the notice period has ended");
		}
		List<FieldViolation> violations = new ArrayList<>();
		if (objection.subjectId() == null
				|| notice.subjects().stream().noneMatch(subject -> subject.id().equals(objection.subjectId()))) {
			violations.add(new FieldViolation("subjectId", "NOT_UNDER_NOTICE", "not a subject of this notice"));
		}
		if (objection.name() == null || objection.name().isBlank() || objection.name().length() > 100) {
			violations.add(new FieldViolation("name", "REQUIRED", "your real name"));
		}
		if (objection.phone() == null || !objection.phone().trim().matches("[0-9+\\- ()]{7,20}")) {
			violations.add(new FieldViolation("phone", "INVALID_PHONE", "a phone number to reach you"));
		}
		if (objection.email() != null && !objection.email().isBlank()
				&& !objection.email().trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			violations.add(new FieldViolation("email", "INVALID_EMAIL", "not an e-mail address"));
		}
		if (objection.reason() == null || objection.reason().trim().length() < 10
				|| objection.reason().length() > 5000) {
			violations.add(new FieldViolation("reason", "REASON_LENGTH", "10 to 5000 characters of reasons"));
		}
		if (evidence.size() > 5) {
			violations.add(new FieldViolation("evidence", "TOO_MANY_FILES", "at most 5 files"));
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		lockClient(clientAddress);
		long recent = this.jdbc
			.sql("SELECT COUNT(*) FROM objections WHERE client_address = :address AND filed_at > :since")
			.param("address", clientAddress)
			.param("since", utc(now.minus(Duration.ofHours(1))))
			.query(Long.class)
			.single();
		if (recent >= OBJECTIONS_PER_HOUR) {
			throw new DomainException(429, "RATE_LIMITED", "too many objections from this address");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO objections (id, notice_id, subject_id, name, phone, email, reason, client_address, filed_at,
				  status, version)
				VALUES (:id, :notice, :subject, :name, :phone, :email, :reason, :address, :at, 'OPEN', 0)""")
			.param("id", id)
			.param("notice", noticeId)
			.param("subject", objection.subjectId())
			.param("name", objection.name().trim())
			.param("phone", objection.phone().trim())
			.param("email", objection.email() == null || objection.email().isBlank() ? null : objection.email().trim())
			.param("reason", objection.reason().trim())
			.param("address", clientAddress)
			.param("at", utc(now))
			.update();
		for (Evidence file : evidence) {
			StoredFile stored = this.files.store(file.content(), file.name(), FileType.ATTACHMENTS, MAX_EVIDENCE_BYTES,
					null);
			this.jdbc.sql("INSERT INTO objection_evidence (objection_id, file_id) VALUES (:objection, :file)")
				.param("objection", id)
				.param("file", stored.id())
				.update();
		}
		this.audit.record(AuditEvent.of("OBJECTION_FILED", "Objection", id)
			.after("notice=" + noticeId + ", subject=" + objection.subjectId() + ", " + evidence.size() + " files"));
		return objection(id).orElseThrow();
	}

	/**
	 * Locks the address's row until the transaction ends, so that its objections are
	 * counted and filed one at a time.
	 */
	private void lockClient(String clientAddress) {
		this.jdbc.sql("INSERT INTO objection_clients (client_address) VALUES (:address) ON CONFLICT DO NOTHING")
			.param("address", clientAddress)
			.update();
		this.jdbc.sql("SELECT client_address FROM objection_clients WHERE client_address = :address FOR UPDATE")
			.param("address", clientAddress)
			.query(String.class)
			.single();
	}

	/**
	 * Decides an objection, with a written answer: upheld revokes its subject, dismissed
	 * leaves it. Only the notice's responsible party decides.
	 */
	@Transactional
	public ObjectionView decide(UUID objectionId, boolean upheld, String response, UUID deciderOrganizationId,
			String decidedBy) {
		ObjectionView objection = objection(objectionId).orElseThrow(() -> DomainException.notFound("objection"));
		NoticeView notice = find(objection.noticeId()).orElseThrow();
		if (!notice.openerOrganizationId().equals(deciderOrganizationId)) {
			throw DomainException.notFound("objection");
		}
		if (!"OPEN".equals(objection.status())) {
			throw DomainException.illegalTransition("the objection was decided already");
		}
		if (response == null || response.isBlank() || response.length() > 5000) {
			throw DomainException.invalid("response", "REQUIRED", "a written answer of at most 5000 characters");
		}
		String status = upheld ? "UPHELD" : "DISMISSED";
		this.jdbc.sql("""
				UPDATE objections SET status = :status, response = :response, decided_at = :at, decided_by = :by,
				  version = version + 1
				WHERE id = :id AND status = 'OPEN'""")
			.param("status", status)
			.param("response", response.trim())
			.param("at", utc(this.clock.instant()))
			.param("by", decidedBy)
			.param("id", objectionId)
			.update();
		if (upheld) {
			this.jdbc
				.sql("UPDATE notice_subjects SET revoked = TRUE WHERE notice_id = :notice AND subject_id = :subject")
				.param("notice", notice.id())
				.param("subject", objection.subjectId())
				.update();
		}
		this.audit.record(AuditEvent.of("OBJECTION_" + status, "Objection", objectionId)
			.before("OPEN")
			.after(status + ": " + response.trim()));
		if (upheld) {
			this.events.publishEvent(new ObjectionUpheld(notice.id(), notice.kind(), notice.batchId(),
					objection.subjectId(), objectionId, response.trim()));
		}
		return objection(objectionId).orElseThrow();
	}

	/**
	 * Closes a notice after its end with no objection open; its standing subjects take
	 * their next step.
	 */
	@Transactional
	public NoticeView close(UUID noticeId, UUID closerOrganizationId) {
		// The row lock makes the officer's close and the automatic one (NoticeAutoClose)
		// that race decide one after the other: the second finds the notice closed.
		this.jdbc.sql("SELECT id FROM notices WHERE id = :id FOR UPDATE")
			.param("id", noticeId)
			.query(UUID.class)
			.list();
		NoticeView notice = find(noticeId).orElseThrow(() -> DomainException.notFound("notice"));
		if (!notice.openerOrganizationId().equals(closerOrganizationId)) {
			throw DomainException.notFound("notice");
		}
		if (!notice.isOpen()) {
			throw DomainException.illegalTransition("the notice is closed already");
		}
		if (!this.clock.instant().isAfter(notice.closesAt())) {
			throw new DomainException(409, "NOTICE_PERIOD_RUNNING", "the notice runs until " + notice.closesAt(),
					notice.closesAt());
		}
		if (notice.openObjections() > 0) {
			throw new DomainException(409, "OBJECTIONS_OPEN", notice.openObjections() + " objections are open",
					notice.openObjections());
		}
		if (notice.kind() != NoticeKind.GENERAL) {
			List<String> blockers = provider(notice.kind()).closingBlockers(notice.kind(), noticeId,
					notice.subjects().stream().map(NoticeView.Subject::id).toList());
			if (!blockers.isEmpty()) {
				throw new DomainException(409, "NOTICE_BLOCKED", "the notice cannot close yet: " + blockers,
						String.join("；", blockers));
			}
		}
		this.jdbc.sql("UPDATE notices SET status = 'CLOSED', closed_at = :at, version = version + 1 WHERE id = :id")
			.param("at", utc(this.clock.instant()))
			.param("id", noticeId)
			.update();
		List<UUID> standing = notice.subjects().stream().filter(s -> !s.revoked()).map(NoticeView.Subject::id).toList();
		List<UUID> revoked = notice.subjects()
			.stream()
			.filter(NoticeView.Subject::revoked)
			.map(NoticeView.Subject::id)
			.toList();
		this.audit.record(AuditEvent.of("NOTICE_CLOSED", "Notice", noticeId)
			.before("OPEN")
			.after("CLOSED: " + standing.size() + " standing, " + revoked.size() + " revoked"));
		this.events.publishEvent(new NoticeClosed(noticeId, notice.kind(), notice.batchId(),
				notice.openerOrganizationId(), standing, revoked));
		return find(noticeId).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<NoticeView> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM notices WHERE id = :id").param("id", id).query((rs, n) -> {
			UUID noticeId = rs.getObject("id", UUID.class);
			return new NoticeView(noticeId, rs.getObject("batch_id", UUID.class),
					NoticeKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("body"),
					rs.getObject("opener_organization_id", UUID.class),
					rs.getObject("opens_at", OffsetDateTime.class).toInstant(),
					rs.getObject("closes_at", OffsetDateTime.class).toInstant(), rs.getInt("working_days"),
					rs.getString("status"),
					rs.getObject("closed_at", OffsetDateTime.class) == null ? null
							: rs.getObject("closed_at", OffsetDateTime.class).toInstant(),
					List.of(), 0, rs.getLong("version"));
		}).optional().map(this::withSubjects);
	}

	/** Notices, newest first, filtered by batch, kind and status. */
	@Transactional(readOnly = true)
	public PageResult<NoticeView> search(UUID batchId, NoticeKind kind, String status, int page, int size) {
		PageResult.check(page, size);
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (batchId != null) {
			where.append(" AND batch_id = :batch");
			params.put("batch", batchId);
		}
		if (kind != null) {
			where.append(" AND kind = :kind");
			params.put("kind", kind.name());
		}
		if (status != null && !status.isBlank()) {
			where.append(" AND status = :status");
			params.put("status", status);
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM notices" + where).params(params).query(Long.class).single();
		List<UUID> ids = this.jdbc
			.sql("SELECT id FROM notices" + where + " ORDER BY opens_at DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(UUID.class)
			.list();
		return new PageResult<>(ids.stream().map(id -> find(id).orElseThrow()).toList(), page, size, total);
	}

	/**
	 * The objections on a notice: all of them for its responsible party, the decided ones
	 * for the public.
	 */
	@Transactional(readOnly = true)
	public List<ObjectionView> objections(UUID noticeId) {
		return this.jdbc.sql("SELECT id FROM objections WHERE notice_id = :id ORDER BY filed_at")
			.param("id", noticeId)
			.query(UUID.class)
			.list()
			.stream()
			.map(id -> objection(id).orElseThrow())
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<ObjectionView> objection(UUID id) {
		List<UUID> evidence = this.jdbc.sql("SELECT file_id FROM objection_evidence WHERE objection_id = :id")
			.param("id", id)
			.query(UUID.class)
			.list();
		return this.jdbc.sql("SELECT * FROM objections WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new ObjectionView(rs.getObject("id", UUID.class), rs.getObject("notice_id", UUID.class),
					rs.getObject("subject_id", UUID.class), rs.getString("name"), rs.getString("phone"),
					rs.getString("email"), rs.getString("reason"),
					rs.getObject("filed_at", OffsetDateTime.class).toInstant(), rs.getString("status"),
					rs.getString("response"),
					rs.getObject("decided_at", OffsetDateTime.class) == null ? null
							: rs.getObject("decided_at", OffsetDateTime.class).toInstant(),
					evidence, rs.getLong("version")))
			.optional();
	}

	/** An evidence file's bytes, for the notice's responsible party. */
	public Optional<StoredFile> evidenceFile(UUID objectionId, UUID fileId) {
		long linked = this.jdbc
			.sql("SELECT COUNT(*) FROM objection_evidence WHERE objection_id = :objection AND file_id = :file")
			.param("objection", objectionId)
			.param("file", fileId)
			.query(Long.class)
			.single();
		return (linked == 0) ? Optional.empty() : this.files.find(fileId);
	}

	public InputStream open(StoredFile file) {
		return this.files.open(file);
	}

	private NoticeView withSubjects(NoticeView notice) {
		List<NoticeView.Subject> subjects = this.jdbc.sql(
				"SELECT subject_id, title, summary, revoked FROM notice_subjects WHERE notice_id = :id ORDER BY sort_order")
			.param("id", notice.id())
			.query((rs, n) -> new NoticeView.Subject(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getBoolean(4)))
			.list();
		long open = this.jdbc.sql("SELECT COUNT(*) FROM objections WHERE notice_id = :id AND status = 'OPEN'")
			.param("id", notice.id())
			.query(Long.class)
			.single();
		return new NoticeView(notice.id(), notice.batchId(), notice.kind(), notice.title(), notice.body(),
				notice.openerOrganizationId(), notice.opensAt(), notice.closesAt(), notice.workingDays(),
				notice.status(), notice.closedAt(), subjects, open, notice.version());
	}

	private NoticeSubjects provider(NoticeKind kind) {
		return this.subjects.stream()
			.filter(provider -> provider.handles(kind))
			.findFirst()
			.orElseThrow(() -> DomainException.invalid("kind", "KIND_NOT_AVAILABLE",
					"no " + kind + " can go under notice yet"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** An evidence file as uploaded. */
	public record Evidence(String name, InputStream content) {
	}

}
