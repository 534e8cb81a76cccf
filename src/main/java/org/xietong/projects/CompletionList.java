package org.xietong.projects;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.ProjectType;
import org.xietong.notices.NoticeClosed;
import org.xietong.notices.NoticeKind;
import org.xietong.notices.NoticeSubjects;
import org.xietong.notices.ObjectionUpheld;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.PageResult;
import org.xietong.shared.SqlWhere;

/**
 * The completion list (结题名单): the projects whose acceptance passed go under the
 * department's COMPLETIONS notice (an upheld objection sends the conclusion back to the
 * enterprise); once it closes, publication completes them and gives each a completion
 * certificate (结项证书) with a number and a verification code; the list is public.
 */
@Service
public class CompletionList implements NoticeSubjects {

	/** A line of the public completion list. */
	public record Item(String projectNumber, UUID projectId, String title, ProjectType type, String leader,
			String university, String enterprise, Instant completedAt, String certificateNumber) {
	}

	/** A completion certificate. */
	public record Certificate(UUID projectId, String number, String verificationCode, Instant issuedAt) {
	}

	/** What checking a certificate found: valid only for a known number with its code. */
	public record CertificateVerification(boolean valid, String number, String projectNumber, String title,
			String leader, String university, String enterprise, Instant issuedAt) {
	}

	/** What a publication did. */
	public record Publication(UUID batchId, int published, int waiting, List<Item> items) {
	}

	private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final ProjectRecords records;

	private final Projects projects;

	private final AuditTrail audit;

	private final BatchManagement batches;

	CompletionList(JdbcClient jdbc, ProjectRecords records, Projects projects, AuditTrail audit,
			BatchManagement batches) {
		this.batches = batches;
		this.jdbc = jdbc;
		this.records = records;
		this.projects = projects;
		this.audit = audit;
	}

	// The COMPLETIONS notice.

	@Override
	public boolean handles(NoticeKind kind) {
		return kind == NoticeKind.COMPLETIONS;
	}

	@Override
	@Transactional
	public List<NoticeSubject> putUnderNotice(NoticeKind kind, UUID batchId, UUID openerOrganizationId,
			List<UUID> subjectIds) {
		List<FieldViolation> violations = new ArrayList<>();
		List<ProjectView> passed = new ArrayList<>();
		for (UUID id : subjectIds) {
			Optional<ProjectView> project = this.projects.find(id).filter(p -> p.batchId().equals(batchId));
			boolean ready = project.isPresent() && project.get().status() == ProjectStatus.UNDER_ACCEPTANCE
					&& this.jdbc.sql("""
							SELECT COUNT(*) FROM project_completions WHERE project_id = :id AND conclusion = 'PASS'
							AND noticed_at IS NULL""").param("id", id).query(Long.class).single() == 1;
			if (ready) {
				passed.add(project.get());
			}
			else {
				violations
					.add(new FieldViolation("subjectIds", "NOT_PASSED", id + " has no passed acceptance to publish"));
			}
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		for (ProjectView project : passed) {
			this.jdbc
				.sql("UPDATE project_completions SET noticed_at = :at, version = version + 1 WHERE project_id = :id")
				.param("at", this.records.now())
				.param("id", project.id())
				.update();
		}
		return passed.stream()
			.map(p -> new NoticeSubject(p.id(), p.number() + " " + p.title(),
					String.join(" · ", p.leaderName(), p.universityName(), p.enterpriseName())))
			.toList();
	}

	@EventListener
	void on(ObjectionUpheld event) {
		if (event.kind() != NoticeKind.COMPLETIONS) {
			return;
		}
		this.projects.find(event.subjectId()).ifPresent(project -> {
			this.jdbc.sql("""
					UPDATE project_completions SET conclusion = NULL, noticed_at = NULL, objection_upheld = TRUE,
					  conclusion_comment = :response, version = version + 1 WHERE project_id = :id""")
				.param("response", "公示异议成立 (objection upheld): " + event.response())
				.param("id", project.id())
				.update();
			this.records.record(project, "department", "COMPLETION_OBJECTION_UPHELD", event.response());
		});
	}

	@EventListener
	void on(NoticeClosed event) {
		if (event.kind() != NoticeKind.COMPLETIONS) {
			return;
		}
		for (UUID id : event.standingSubjectIds()) {
			this.jdbc.sql("""
					UPDATE project_completions SET notice_closed_at = :at, version = version + 1
					WHERE project_id = :id AND conclusion = 'PASS' AND noticed_at IS NOT NULL""")
				.param("at", this.records.now())
				.param("id", id)
				.update();
		}
	}

	// Publication and certificates.

	/**
	 * Completes the batch's projects whose passed acceptance stood through a closed
	 * notice, each with its certificate; answers them and how many passed projects still
	 * wait for their notice.
	 */
	@Transactional
	public Publication publish(UUID batchId, CurrentUser user) {
		if (user == null || !user.has(Role.DEPARTMENT_OFFICER)) {
			throw new org.springframework.security.access.AccessDeniedException("for the department");
		}
		// A batch that does not exist has no list to publish: not an empty success with
		// an audit entry.
		this.batches.find(batchId).orElseThrow(() -> DomainException.notFound("batch"));
		List<UUID> ready = this.jdbc
			.sql("""
					SELECT p.id FROM projects p JOIN project_completions c ON c.project_id = p.id
					WHERE p.batch_id = :batch AND p.status = 'UNDER_ACCEPTANCE' AND c.conclusion = 'PASS'
					AND c.notice_closed_at IS NOT NULL AND c.published_at IS NULL ORDER BY p.number_prefix, p.number_sequence""")
			.param("batch", batchId)
			.query(UUID.class)
			.list();
		long waiting = this.jdbc.sql("""
				SELECT COUNT(*) FROM projects p JOIN project_completions c ON c.project_id = p.id
				WHERE p.batch_id = :batch AND p.status = 'UNDER_ACCEPTANCE' AND c.conclusion = 'PASS'
				AND c.notice_closed_at IS NULL""").param("batch", batchId).query(Long.class).single();
		List<Item> items = new ArrayList<>();
		for (UUID id : ready) {
			ProjectView project = this.records.locked(id);
			this.records.move(project, ProjectStatus.COMPLETED);
			this.jdbc
				.sql("UPDATE project_completions SET published_at = :at, version = version + 1 WHERE project_id = :id")
				.param("at", this.records.now())
				.param("id", id)
				.update();
			String number = "JX-" + project.number();
			this.jdbc.sql("""
					INSERT INTO completion_certificates (project_id, certificate_number, verification_code, issued_at)
					VALUES (:id, :number, :code, :at)""")
				.param("id", id)
				.param("number", number)
				.param("code", code())
				.param("at", this.records.now())
				.update();
			this.records.record(project, user.username(), "COMPLETED", "certificate " + number);
			items.add(item(id).orElseThrow());
		}
		this.audit.record(AuditEvent.of("COMPLETIONS_PUBLISHED", "Batch", batchId)
			.after(items.size() + " projects completed, " + waiting + " waiting for their notice"));
		return new Publication(batchId, items.size(), (int) waiting, items);
	}

	private static String code() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	/** A project's certificate, for those who may see the project. */
	@Transactional(readOnly = true)
	public Optional<Certificate> certificate(UUID projectId) {
		return this.jdbc.sql("""
				SELECT project_id, certificate_number, verification_code, issued_at FROM completion_certificates
				WHERE project_id = :id""")
			.param("id", projectId)
			.query((rs, n) -> new Certificate(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					Agreements.instant(rs, "issued_at")))
			.optional();
	}

	/** Checks a certificate: valid only for a known number with its code. */
	@Transactional(readOnly = true)
	public CertificateVerification verify(String number, String code) {
		CertificateVerification invalid = new CertificateVerification(false, number, null, null, null, null, null,
				null);
		if (number == null || code == null || number.length() > 60 || code.length() > 40) {
			return invalid;
		}
		return this.jdbc.sql("""
				SELECT project_id, issued_at FROM completion_certificates WHERE certificate_number = :number
				AND verification_code = :code""")
			.param("number", number.strip().toUpperCase(Locale.ROOT))
			.param("code", code.strip().toUpperCase(Locale.ROOT))
			.query((rs, n) -> {
				ProjectView p = this.projects.find(rs.getObject(1, UUID.class)).orElseThrow();
				return new CertificateVerification(true, number.strip().toUpperCase(Locale.ROOT), p.number(), p.title(),
						p.leaderName(), p.universityName(), p.enterpriseName(), Agreements.instant(rs, "issued_at"));
			})
			.optional()
			.orElse(invalid);
	}

	// The public list.

	private static final String ITEM_SQL = """
			SELECT p.project_number, p.id, p.title, p.project_type, p.leader_name, p.university_name, p.enterprise_name,
			  c.published_at, k.certificate_number FROM projects p JOIN project_completions c ON c.project_id = p.id
			JOIN completion_certificates k ON k.project_id = p.id""";

	/** One page of the batch's published completion list, in number order. */
	@Transactional(readOnly = true)
	public PageResult<Item> list(UUID batchId, String text, int page, int size) {
		PageResult.check(page, size);
		SqlWhere where = where(batchId, text);
		long total = where.bind(this.jdbc.sql("SELECT COUNT(*) FROM projects p WHERE " + where.sql()))
			.query(Long.class)
			.single();
		List<Item> items = where
			.bind(this.jdbc.sql(ITEM_SQL + " WHERE " + where.sql()
					+ " ORDER BY p.number_prefix, p.number_sequence LIMIT :limit OFFSET :offset"))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(CompletionList::item)
			.list();
		return new PageResult<>(items, page, size, total);
	}

	/** Every line of the batch's published completion list, for an export. */
	@Transactional(readOnly = true)
	public void forEach(UUID batchId, String text, Consumer<Item> sink) {
		SqlWhere where = where(batchId, text);
		where
			.bind(this.jdbc.sql(ITEM_SQL + " WHERE " + where.sql()
					+ " ORDER BY p.number_prefix, p.number_sequence LIMIT " + Projects.MAX_EXPORT_ROWS))
			.query(CompletionList::item)
			.stream()
			.forEach(sink);
	}

	private static SqlWhere where(UUID batchId, String text) {
		return new SqlWhere("p.batch_id = :batch AND p.status = 'COMPLETED'").with("batch", batchId)
			.contains("p.search_text", "text", text);
	}

	private Optional<Item> item(UUID projectId) {
		return this.jdbc.sql(ITEM_SQL + " WHERE p.id = :id")
			.param("id", projectId)
			.query(CompletionList::item)
			.optional();
	}

	private static Item item(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Item(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
				ProjectType.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
				Agreements.instant(rs, "published_at"), rs.getString(9));
	}

}
