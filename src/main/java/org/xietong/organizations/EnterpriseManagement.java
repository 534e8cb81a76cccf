package org.xietong.organizations;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.accounts.NewUser;
import org.xietong.accounts.Role;
import org.xietong.accounts.UserManagement;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.batches.BatchView;
import org.xietong.files.FileType;
import org.xietong.files.StoredFile;
import org.xietong.files.StoredFiles;
import org.xietong.shared.CreditCode;
import org.xietong.shared.DomainException;
import org.xietong.shared.SqlWhere;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.Money;
import org.xietong.shared.PageResult;

/**
 * Enterprises from registration to the department's decision, their documents and the
 * defaulters' list. Every change is audited in its transaction.
 */
@Service
public class EnterpriseManagement {

	/** The most an enterprise document may weigh. */
	public static final long MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;

	private static final Pattern PHONE = Pattern.compile("[0-9+\\- ()]{7,20}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final Enterprises enterprises;

	private final Organizations organizations;

	private final UserManagement users;

	private final StoredFiles files;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	EnterpriseManagement(Enterprises enterprises, Organizations organizations, UserManagement users, StoredFiles files,
			AuditTrail audit, JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.enterprises = enterprises;
		this.organizations = organizations;
		this.users = users;
		this.files = files;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Registers an enterprise and its contact account in one transaction, to be reviewed
	 * by the department; refuses with every problem at once and creates nothing then.
	 */
	@Transactional
	public EnterpriseView register(RegisterEnterprise command) {
		List<FieldViolation> violations = new ArrayList<>(
				checkDetails(command.name(), command.creditCode(), command.legalRepresentative(), command.foundedOn(),
						command.registeredCapital(), command.industry(), command.address(), command.description(),
						command.contactName(), command.contactPhone(), command.contactEmail()));
		if (command.creditCode() != null && CreditCode.problem(normalize(command.creditCode())).isEmpty()
				&& this.enterprises.existsByCreditCode(normalize(command.creditCode()))) {
			violations.add(new FieldViolation("creditCode", "CREDIT_CODE_TAKEN", "already registered"));
		}
		NewUser contact = new NewUser(command.username(), command.password(),
				(command.contactName() == null) ? "" : command.contactName(), Role.ENTERPRISE_CONTACT, null,
				command.contactEmail(), command.contactPhone(), null, false);
		this.users.check(contact)
			.stream()
			.filter(violation -> !violation.field().equals("organizationId")
					&& !violation.field().equals("displayName"))
			.forEach(violations::add);
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		EnterpriseDetails details = details(command.name(), command.creditCode(), command.legalRepresentative(),
				command.foundedOn(), command.registeredCapital(), command.industry(), command.address(),
				command.description(), command.contactName(), command.contactPhone(), command.contactEmail());
		Instant now = this.clock.instant();
		Organization organization = this.organizations.save(Organization.create(OrganizationKind.ENTERPRISE,
				details.name().trim(), details.creditCode().value(), "ACTIVE", now));
		Enterprise enterprise = this.enterprises
			.save(Enterprise.register(organization.id(), details, EnterpriseStatus.PENDING_REVIEW, now));
		this.users.create(new NewUser(command.username(), command.password(), command.contactName().trim(),
				Role.ENTERPRISE_CONTACT, organization.id(), command.contactEmail().trim(),
				command.contactPhone().trim(), null, false));
		this.audit.record(AuditEvent.of("ENTERPRISE_REGISTERED", "Enterprise", enterprise.id())
			.after("name=" + enterprise.name() + ", creditCode=" + details.creditCode() + ", status=PENDING_REVIEW"));
		return enterprise.view();
	}

	/**
	 * Corrects a registration that is under review or was returned; the credit code
	 * cannot change.
	 */
	@Transactional
	public EnterpriseView correct(UUID id, long version, RegisterEnterprise command) {
		Enterprise enterprise = load(id);
		checkVersion(enterprise, version);
		List<FieldViolation> violations = checkDetails(command.name(), command.creditCode(),
				command.legalRepresentative(), command.foundedOn(), command.registeredCapital(), command.industry(),
				command.address(), command.description(), command.contactName(), command.contactPhone(),
				command.contactEmail());
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		EnterpriseView before = enterprise.view();
		enterprise.correct(details(command.name(), command.creditCode(), command.legalRepresentative(),
				command.foundedOn(), command.registeredCapital(), command.industry(), command.address(),
				command.description(), command.contactName(), command.contactPhone(), command.contactEmail()));
		Enterprise saved = this.enterprises.save(enterprise);
		renameOrganization(id, saved.name());
		this.audit.record(AuditEvent.of("ENTERPRISE_CORRECTED", "Enterprise", id)
			.before(summary(before))
			.after(summary(saved.view())));
		return saved.view();
	}

	@Transactional
	public EnterpriseView resubmit(UUID id) {
		return transition(id, "ENTERPRISE_RESUBMITTED", null, enterprise -> enterprise.resubmit(this.clock.instant()));
	}

	@Transactional
	public EnterpriseView approve(UUID id) {
		return transition(id, "ENTERPRISE_APPROVED", null, enterprise -> enterprise.approve(this.clock.instant()));
	}

	@Transactional
	public EnterpriseView returnForCorrection(UUID id, String reason) {
		String why = requireReason(reason);
		return transition(id, "ENTERPRISE_RETURNED", why,
				enterprise -> enterprise.returnForCorrection(why, this.clock.instant()));
	}

	@Transactional
	public EnterpriseView reject(UUID id, String reason) {
		String why = requireReason(reason);
		return transition(id, "ENTERPRISE_REJECTED", why, enterprise -> enterprise.reject(why, this.clock.instant()));
	}

	/** Puts an enterprise on the defaulters' list: it can do nothing new in any batch. */
	@Transactional
	public EnterpriseView blacklist(UUID id, String reason) {
		String why = requireReason(reason);
		EnterpriseView view = transition(id, "ENTERPRISE_BLACKLISTED", why, enterprise -> enterprise.blacklist(why));
		recordDefaulterEntry(id, "LISTED", why);
		return view;
	}

	/** Takes an enterprise off the defaulters' list, back to where it stood. */
	@Transactional
	public EnterpriseView removeFromBlacklist(UUID id, String reason) {
		String why = requireReason(reason);
		EnterpriseView view = transition(id, "ENTERPRISE_DELISTED", why, Enterprise::removeFromBlacklist);
		recordDefaulterEntry(id, "DELISTED", why);
		return view;
	}

	/**
	 * Files a document; its type is judged by content (PDF, PNG or JPEG), its size at
	 * most 10 MB.
	 */
	@Transactional
	public EnterpriseDocument uploadDocument(UUID id, DocumentKind kind, InputStream content, String fileName,
			String uploadedBy) {
		Enterprise enterprise = load(id);
		if (enterprise.status() == EnterpriseStatus.BLACKLISTED) {
			throw new DomainException(409, "ENTERPRISE_NOT_ELIGIBLE", "the enterprise is on the defaulters' list");
		}
		StoredFile file = this.files.store(content, fileName, FileType.DOCUMENTS, MAX_DOCUMENT_BYTES, uploadedBy);
		UUID documentId = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				INSERT INTO enterprise_documents (id, enterprise_id, kind, file_id, uploaded_at, uploaded_by)
				VALUES (:id, :enterprise, :kind, :file, :at, :by)""")
			.param("id", documentId)
			.param("enterprise", id)
			.param("kind", kind.name())
			.param("file", file.id())
			.param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("by", uploadedBy)
			.update();
		this.audit.record(AuditEvent.of("ENTERPRISE_DOCUMENT_UPLOADED", "Enterprise", id)
			.after(kind + ": " + file.originalName() + " (" + file.size() + " bytes, sha256 " + file.sha256() + ")"));
		return new EnterpriseDocument(documentId, id, kind, file.id(), file.originalName(), file.mediaType(),
				file.size(), now, uploadedBy);
	}

	/** The enterprise's documents, newest first. */
	@Transactional(readOnly = true)
	public List<EnterpriseDocument> documents(UUID id) {
		return this.jdbc.sql("""
				SELECT d.id, d.enterprise_id, d.kind, d.file_id, f.original_name, f.media_type, f.size_bytes,
				  d.uploaded_at, d.uploaded_by
				FROM enterprise_documents d JOIN stored_files f ON f.id = d.file_id
				WHERE d.enterprise_id = :id ORDER BY d.uploaded_at DESC""")
			.param("id", id)
			.query((rs, n) -> new EnterpriseDocument(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					DocumentKind.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getString(5),
					org.xietong.files.FileType.valueOf(rs.getString(6)).mediaType(), rs.getLong(7),
					rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(9)))
			.list();
	}

	/** One document of an enterprise with the stored file behind it, for download. */
	@Transactional(readOnly = true)
	public Optional<StoredFile> documentFile(UUID enterpriseId, UUID documentId) {
		return this.jdbc.sql("SELECT file_id FROM enterprise_documents WHERE id = :doc AND enterprise_id = :enterprise")
			.param("doc", documentId)
			.param("enterprise", enterpriseId)
			.query(UUID.class)
			.optional()
			.flatMap(this.files::find);
	}

	public InputStream open(StoredFile file) {
		return this.files.open(file);
	}

	@Transactional(readOnly = true)
	public boolean hasDocument(UUID id, DocumentKind kind) {
		return this.jdbc.sql("SELECT COUNT(*) FROM enterprise_documents WHERE enterprise_id = :id AND kind = :kind")
			.param("id", id)
			.param("kind", kind.name())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Whether the enterprise may take part in a batch opening on {@code batchOpensOn},
	 * condition by condition.
	 */
	@Transactional(readOnly = true)
	public EnterpriseEligibility.Eligibility eligibility(UUID id, int minAgeYears, LocalDate batchOpensOn) {
		return EnterpriseEligibility.evaluate(load(id).view(), hasDocument(id, DocumentKind.CREDIT_REPORT), minAgeYears,
				batchOpensOn);
	}

	/**
	 * Whether the enterprise may take part in {@code batch}: its age is counted to the
	 * day the batch opens for guides, in the batch's time zone.
	 */
	@Transactional(readOnly = true)
	public BatchEligibility eligibility(UUID id, BatchView batch) {
		LocalDate opensOn = batch.schedule().guideSubmissionOpens().atZone(batch.timeZone()).toLocalDate();
		return BatchEligibility.of(batch, opensOn, eligibility(id, batch.rules().minEnterpriseAgeYears(), opensOn));
	}

	@Transactional(readOnly = true)
	public Optional<EnterpriseView> find(UUID id) {
		return this.enterprises.findById(id).map(Enterprise::view);
	}

	/**
	 * Enterprises by registration time, oldest first: the department's queue when
	 * filtered by status.
	 */
	@Transactional(readOnly = true)
	public PageResult<EnterpriseView> search(EnterpriseStatus status, String text, int page, int size) {
		PageResult.check(page, size);
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (status != null) {
			where.append(" AND status = :status");
			params.put("status", status.name());
		}
		if (text != null && !text.isBlank()) {
			where.append(" AND (LOWER(name) LIKE :text ESCAPE '\\' OR credit_code LIKE :code ESCAPE '\\')");
			params.put("text", SqlWhere.containing(text.trim().toLowerCase(java.util.Locale.ROOT)));
			params.put("code", SqlWhere.containing(text.trim().toUpperCase(java.util.Locale.ROOT)));
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM enterprises" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<UUID> ids = this.jdbc
			.sql("SELECT id FROM enterprises" + where + " ORDER BY submitted_at, name LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(UUID.class)
			.list();
		Map<UUID, EnterpriseView> found = new HashMap<>();
		this.enterprises.findAllById(ids).forEach(enterprise -> found.put(enterprise.id(), enterprise.view()));
		return new PageResult<>(ids.stream().map(found::get).toList(), page, size, total);
	}

	/** The defaulters' list's history of one enterprise, newest first. */
	@Transactional(readOnly = true)
	public List<DefaulterEntry> defaulterHistory(UUID id) {
		return this.jdbc.sql("""
				SELECT action, reason, decided_at, decided_by FROM defaulter_entries
				WHERE enterprise_id = :id ORDER BY decided_at DESC""")
			.param("id", id)
			.query((rs, n) -> new DefaulterEntry(rs.getString(1), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
			.list();
	}

	/** One listing or delisting. */
	public record DefaulterEntry(String action, String reason, Instant decidedAt, String decidedBy) {
	}

	private EnterpriseView transition(UUID id, String action, String reason,
			java.util.function.Consumer<Enterprise> move) {
		Enterprise enterprise = load(id);
		EnterpriseStatus before = enterprise.status();
		move.accept(enterprise);
		Enterprise saved = this.enterprises.save(enterprise);
		this.audit.record(AuditEvent.of(action, "Enterprise", id)
			.before("status=" + before)
			.after("status=" + saved.status() + (reason == null ? "" : ", reason=" + reason)));
		if (!"ENTERPRISE_RESUBMITTED".equals(action)) {
			this.events.publishEvent(new EnterpriseReviewed(id, saved.name(), action, saved.status(), reason));
		}
		return saved.view();
	}

	private void recordDefaulterEntry(UUID id, String action, String reason) {
		this.jdbc.sql("""
				INSERT INTO defaulter_entries (id, enterprise_id, action, reason, decided_at, decided_by)
				VALUES (:id, :enterprise, :action, :reason, :at, :by)""")
			.param("id", UUID.randomUUID())
			.param("enterprise", id)
			.param("action", action)
			.param("reason", reason)
			.param("at", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.param("by", org.xietong.accounts.CurrentUser.get().map(user -> user.username()).orElse("system"))
			.update();
	}

	private void renameOrganization(UUID id, String name) {
		this.jdbc.sql("UPDATE organizations SET name = :name, version = version + 1 WHERE id = :id")
			.param("name", name)
			.param("id", id)
			.update();
	}

	private Enterprise load(UUID id) {
		return this.enterprises.findById(id).orElseThrow(() -> DomainException.notFound("enterprise"));
	}

	private static void checkVersion(Enterprise enterprise, long version) {
		if (enterprise.version() != null && enterprise.version() != version) {
			throw new DomainException(409, "VERSION_CONFLICT", "the enterprise was changed since it was read");
		}
	}

	private static String requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw DomainException.invalid("reason", "REQUIRED", "a reason is required");
		}
		if (reason.length() > 2000) {
			throw DomainException.invalid("reason", "TOO_LONG", "at most 2000 characters");
		}
		return reason.trim();
	}

	private static String summary(EnterpriseView view) {
		return "name=" + view.name() + ", legalRepresentative=" + view.legalRepresentative() + ", foundedOn="
				+ view.foundedOn() + ", registeredCapital=" + view.registeredCapital() + ", industry=" + view.industry()
				+ ", contact=" + view.contact().name() + "/" + view.contact().phone() + "/" + view.contact().email();
	}

	private static String normalize(String creditCode) {
		return creditCode.trim().toUpperCase(java.util.Locale.ROOT);
	}

	private EnterpriseDetails details(String name, String creditCode, String legalRepresentative, LocalDate foundedOn,
			Money registeredCapital, String industry, String address, String description, String contactName,
			String contactPhone, String contactEmail) {
		return new EnterpriseDetails(name, CreditCode.parse(creditCode), legalRepresentative, foundedOn,
				registeredCapital, industry, address, description,
				new EnterpriseDetails.Contact(contactName, contactPhone, contactEmail));
	}

	private List<FieldViolation> checkDetails(String name, String creditCode, String legalRepresentative,
			LocalDate foundedOn, Money registeredCapital, String industry, String address, String description,
			String contactName, String contactPhone, String contactEmail) {
		List<FieldViolation> violations = new ArrayList<>();
		required(violations, "name", name, 200);
		if (creditCode == null || creditCode.isBlank()) {
			violations.add(new FieldViolation("creditCode", "REQUIRED", "required"));
		}
		else {
			CreditCode.problem(normalize(creditCode))
				.ifPresent(code -> violations.add(new FieldViolation("creditCode", code, "invalid credit code")));
		}
		required(violations, "legalRepresentative", legalRepresentative, 100);
		if (foundedOn == null) {
			violations.add(new FieldViolation("foundedOn", "REQUIRED", "required"));
		}
		else if (foundedOn.isAfter(LocalDate.now(this.clock))) {
			violations.add(new FieldViolation("foundedOn", "IN_THE_FUTURE", "cannot lie in the future"));
		}
		if (registeredCapital == null) {
			violations.add(new FieldViolation("registeredCapital", "REQUIRED", "required"));
		}
		else if (registeredCapital.amount().signum() <= 0) {
			violations.add(new FieldViolation("registeredCapital", "OUT_OF_RANGE", "must be more than zero"));
		}
		required(violations, "industry", industry, 100);
		required(violations, "address", address, 300);
		required(violations, "description", description, 5000);
		required(violations, "contact.name", contactName, 100);
		if (required(violations, "contact.phone", contactPhone, 40) && !PHONE.matcher(contactPhone.trim()).matches()) {
			violations.add(new FieldViolation("contact.phone", "INVALID_PHONE", "not a phone number"));
		}
		if (required(violations, "contact.email", contactEmail, 200) && !EMAIL.matcher(contactEmail.trim()).matches()) {
			violations.add(new FieldViolation("contact.email", "INVALID_EMAIL", "not an e-mail address"));
		}
		return violations;
	}

	private static boolean required(List<FieldViolation> violations, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			violations.add(new FieldViolation(field, "REQUIRED", "required"));
			return false;
		}
		if (value.trim().length() > max) {
			violations.add(new FieldViolation(field, "TOO_LONG", "at most " + max + " characters"));
			return false;
		}
		return true;
	}

}
