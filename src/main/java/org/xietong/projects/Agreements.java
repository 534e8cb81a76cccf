package org.xietong.projects;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.accounts.CurrentUser;
import org.xietong.files.FileType;
import org.xietong.files.StoredFile;
import org.xietong.files.StoredFiles;
import org.xietong.projects.ProjectRecords.Party;
import org.xietong.shared.DomainException;
import org.xietong.shared.Reasons;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.Money;

/**
 * The cooperation agreement (合作协议): the leader uploads the signed copy and enters its
 * terms, whose amounts must equal what was approved; the university checks it, the
 * enterprise confirms it, and the project is then in progress. Either may return it with
 * a reason, and the leader enters it again.
 */
@Service
public class Agreements {

	static final int MAX_DELIVERABLES = 5000;

	private final JdbcClient jdbc;

	private final ProjectRecords records;

	private final StoredFiles files;

	Agreements(JdbcClient jdbc, ProjectRecords records, StoredFiles files) {
		this.jdbc = jdbc;
		this.records = records;
		this.files = files;
	}

	/**
	 * The leader submits the agreement: refused with the fields named when the amounts
	 * differ from the approved ones by so much as a fen, when the dates are wrong or the
	 * file is not a PDF or image.
	 */
	@Transactional
	public AgreementView submit(UUID projectId, CurrentUser user, AgreementTerms terms, InputStream file,
			String fileName) {
		ProjectView project = this.records.forStep(projectId, user, Party.LEADER);
		ProjectRecords.require(project, ProjectStatus.APPROVED);
		Optional<AgreementView> current = find(projectId);
		if (current.isPresent() && !current.get().status().equals("RETURNED")) {
			throw DomainException.illegalTransition("the agreement is " + current.get().status(),
					current.get().status());
		}
		ProjectRules rules = ProjectRules.of(this.records.batch(project));
		List<FieldViolation> violations = validate(project, terms, rules);
		if (file == null) {
			violations.add(new FieldViolation("file", "REQUIRED", "the signed agreement as a PDF"));
		}
		if (!violations.isEmpty()) {
			boolean mismatch = violations.stream().anyMatch(v -> v.code().equals("DIFFERS_FROM_APPROVED"));
			throw mismatch
					? new DomainException(422, "AGREEMENT_MISMATCH", violations,
							"the agreement's amounts differ from the approved ones")
					: DomainException.invalid(violations);
		}
		StoredFile stored = this.files.store(file, fileName, FileType.DOCUMENTS,
				this.records.batch(project).rules().attachmentMaxBytes(), user.username());
		LocalDate fundsDueOn = (terms.fundsDueOn() != null) ? terms.fundsDueOn() : terms.startsOn().plusMonths(3);
		this.jdbc.sql("DELETE FROM project_agreements WHERE project_id = :id").param("id", projectId).update();
		this.jdbc.sql("""
				INSERT INTO project_agreements (project_id, cash_total, hardware_software_total, starts_on, ends_on,
				  deliverables, ip_ownership, funds_due_on, file_id, status, submitted_by, submitted_at, version)
				VALUES (:id, :cash, :hardware, :starts, :ends, :deliverables, :ip, :fundsDue, :file, 'SUBMITTED', :by,
				  :at, 0)""")
			.param("id", projectId)
			.param("cash", terms.cashTotal().amount())
			.param("hardware", terms.hardwareSoftwareTotal().amount())
			.param("starts", terms.startsOn())
			.param("ends", terms.endsOn())
			.param("deliverables", terms.deliverables().strip())
			.param("ip", terms.ipOwnership().name())
			.param("fundsDue", fundsDueOn)
			.param("file", stored.id())
			.param("by", user.username())
			.param("at", this.records.now())
			.update();
		this.records.record(project, user.username(), "AGREEMENT_SUBMITTED",
				"cash " + terms.cashTotal() + ", hardware/software " + terms.hardwareSoftwareTotal() + ", "
						+ terms.startsOn() + " – " + terms.endsOn() + ", IP " + terms.ipOwnership() + ", file "
						+ stored.originalName());
		return find(projectId).orElseThrow();
	}

	private static List<FieldViolation> validate(ProjectView project, AgreementTerms terms, ProjectRules rules) {
		List<FieldViolation> violations = new ArrayList<>();
		if (terms == null) {
			violations.add(new FieldViolation("terms", "REQUIRED", "the agreement's terms"));
			return violations;
		}
		if (terms.cashTotal() == null) {
			violations.add(new FieldViolation("cashTotal", "REQUIRED", "the cash the agreement states"));
		}
		else if (terms.cashTotal().compareTo(project.cash()) != 0) {
			violations.add(new FieldViolation("cashTotal", "DIFFERS_FROM_APPROVED",
					"the agreement states " + terms.cashTotal() + ", the approved cash is " + project.cash()));
		}
		if (terms.hardwareSoftwareTotal() == null) {
			violations.add(new FieldViolation("hardwareSoftwareTotal", "REQUIRED",
					"the hardware/software value the agreement states"));
		}
		else if (terms.hardwareSoftwareTotal().compareTo(project.hardwareSoftware()) != 0) {
			violations.add(new FieldViolation("hardwareSoftwareTotal", "DIFFERS_FROM_APPROVED",
					"the agreement states " + terms.hardwareSoftwareTotal() + ", the approved hardware/software is "
							+ project.hardwareSoftware()));
		}
		if (terms.startsOn() == null) {
			violations.add(new FieldViolation("startsOn", "REQUIRED", "the start date"));
		}
		if (terms.endsOn() == null) {
			violations.add(new FieldViolation("endsOn", "REQUIRED", "the end date"));
		}
		if (terms.startsOn() != null && terms.endsOn() != null) {
			if (!terms.endsOn().isAfter(terms.startsOn())) {
				violations.add(new FieldViolation("endsOn", "ENDS_BEFORE_START", "the end comes after the start"));
			}
			else if (terms.endsOn().isAfter(terms.startsOn().plusMonths(rules.completionDueMonths()))) {
				violations.add(new FieldViolation("endsOn", "ENDS_TOO_LATE",
						"at most " + rules.completionDueMonths() + " months after the start"));
			}
		}
		if (terms.fundsDueOn() != null && terms.startsOn() != null && terms.endsOn() != null
				&& (terms.fundsDueOn().isBefore(terms.startsOn()) || terms.fundsDueOn().isAfter(terms.endsOn()))) {
			violations.add(new FieldViolation("fundsDueOn", "OUTSIDE_TERM", "between the start and the end"));
		}
		if (terms.deliverables() == null || terms.deliverables().isBlank()
				|| terms.deliverables().length() > MAX_DELIVERABLES) {
			violations.add(new FieldViolation("deliverables", "REQUIRED",
					"what the project delivers, at most " + MAX_DELIVERABLES + " characters"));
		}
		if (terms.ipOwnership() == null) {
			violations.add(new FieldViolation("ipOwnership", "REQUIRED", "UNIVERSITY, ENTERPRISE, JOINT or AS_AGREED"));
		}
		return violations;
	}

	/** The university checks the submitted agreement. */
	@Transactional
	public AgreementView check(UUID projectId, CurrentUser user) {
		ProjectView project = this.records.forStep(projectId, user, Party.UNIVERSITY);
		AgreementView agreement = requireAgreement(project, "SUBMITTED");
		this.jdbc.sql("""
				UPDATE project_agreements SET status = 'CHECKED', checked_by = :by, checked_at = :at,
				  version = version + 1 WHERE project_id = :id""")
			.param("by", user.username())
			.param("at", this.records.now())
			.param("id", projectId)
			.update();
		this.records.record(project, user.username(), "AGREEMENT_CHECKED", "checked by the university");
		return find(agreement.projectId()).orElseThrow();
	}

	/** The enterprise confirms the checked agreement: the project is in progress. */
	@Transactional
	public AgreementView confirm(UUID projectId, CurrentUser user) {
		ProjectView project = this.records.forStep(projectId, user, Party.ENTERPRISE);
		AgreementView agreement = requireAgreement(project, "CHECKED");
		this.jdbc.sql("""
				UPDATE project_agreements SET status = 'CONFIRMED', confirmed_by = :by, confirmed_at = :at,
				  version = version + 1 WHERE project_id = :id""")
			.param("by", user.username())
			.param("at", this.records.now())
			.param("id", projectId)
			.update();
		this.jdbc.sql("UPDATE projects SET ends_on = :ends WHERE id = :id")
			.param("ends", agreement.endsOn())
			.param("id", projectId)
			.update();
		this.records.move(project, ProjectStatus.IN_PROGRESS);
		this.records.record(project, user.username(), "AGREEMENT_CONFIRMED",
				"confirmed by the enterprise; the project runs until " + agreement.endsOn());
		return find(projectId).orElseThrow();
	}

	/**
	 * The university (a submitted agreement) or the enterprise (a checked one) returns it
	 * with a reason.
	 */
	@Transactional
	public AgreementView returnAgreement(UUID projectId, CurrentUser user, String reason) {
		Party party = (user != null && user.has(org.xietong.accounts.Role.ENTERPRISE_CONTACT)) ? Party.ENTERPRISE
				: Party.UNIVERSITY;
		ProjectView project = this.records.forStep(projectId, user, party);
		requireAgreement(project, (party == Party.ENTERPRISE) ? "CHECKED" : "SUBMITTED");
		String why = Reasons.required(reason);
		this.jdbc.sql("""
				UPDATE project_agreements SET status = 'RETURNED', return_reason = :reason, version = version + 1
				WHERE project_id = :id""").param("reason", why).param("id", projectId).update();
		this.records.record(project, user.username(), "AGREEMENT_RETURNED", why);
		return find(projectId).orElseThrow();
	}

	private AgreementView requireAgreement(ProjectView project, String status) {
		ProjectRecords.require(project, ProjectStatus.APPROVED);
		AgreementView agreement = find(project.id())
			.orElseThrow(() -> DomainException.illegalTransition("no agreement has been submitted", "—"));
		if (!agreement.status().equals(status)) {
			throw DomainException.illegalTransition("the agreement is " + agreement.status(), agreement.status());
		}
		return agreement;
	}

	/** The agreement's signed copy, for those who may see the project. */
	@Transactional(readOnly = true)
	public Optional<StoredFile> file(UUID projectId) {
		return find(projectId).flatMap(agreement -> this.files.find(agreement.fileId()));
	}

	public InputStream open(StoredFile file) {
		return this.files.open(file);
	}

	@Transactional(readOnly = true)
	public Optional<AgreementView> find(UUID projectId) {
		return this.jdbc.sql("SELECT * FROM project_agreements WHERE project_id = :id")
			.param("id", projectId)
			.query(Agreements::view)
			.optional();
	}

	private static AgreementView view(ResultSet rs, int n) throws SQLException {
		return new AgreementView(rs.getObject("project_id", UUID.class), Money.of(rs.getBigDecimal("cash_total")),
				Money.of(rs.getBigDecimal("hardware_software_total")), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class), rs.getString("deliverables"),
				IpOwnership.valueOf(rs.getString("ip_ownership")), rs.getObject("funds_due_on", LocalDate.class),
				rs.getObject("file_id", UUID.class), rs.getString("status"), rs.getString("return_reason"),
				rs.getString("submitted_by"), instant(rs, "submitted_at"), rs.getString("checked_by"),
				instant(rs, "checked_at"), rs.getString("confirmed_by"), instant(rs, "confirmed_at"),
				rs.getLong("version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value == null) ? null : value.toInstant();
	}

}
