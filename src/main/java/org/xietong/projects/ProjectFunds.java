package org.xietong.projects;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
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
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.Money;

/**
 * The enterprise's funds (经费到位): each cash payment and each delivery of hardware or
 * software the enterprise records against the confirmed agreement, never beyond the
 * agreement's total of its kind, with a voucher; the university confirms each receipt.
 * Funds still short of the agreement after its due date are overdue.
 */
@Service
public class ProjectFunds {

	static final int MAX_REFERENCE = 200;

	/**
	 * The statuses in which the enterprise pays: from the confirmed agreement until the
	 * project ends.
	 */
	static final ProjectStatus[] PAYABLE = { ProjectStatus.IN_PROGRESS, ProjectStatus.COMPLETION_REQUESTED,
			ProjectStatus.COMPLETION_CONSENTED, ProjectStatus.UNDER_ACCEPTANCE, ProjectStatus.RECTIFYING };

	/** What is paid: cash, or hardware and software at its agreed value. */
	public enum Kind {

		CASH, HARDWARE_SOFTWARE

	}

	/** What the enterprise records of one payment. */
	public record Payment(Kind kind, Money amount, LocalDate paidOn, String reference) {
	}

	/** One payment as recorded, and whether the university confirmed its receipt. */
	public record Disbursement(UUID id, UUID projectId, Kind kind, Money amount, LocalDate paidOn, String reference,
			UUID voucherFileId, String recordedBy, Instant recordedAt, String confirmedBy, Instant confirmedAt,
			long version) {

		public boolean confirmed() {
			return this.confirmedAt != null;
		}

	}

	/**
	 * A project's funds: per kind, what the agreement states, what the enterprise paid,
	 * what the university confirmed and what is still to be paid; overdue when, after
	 * {@code fundsDueOn}, either kind is paid short of the agreement while the project
	 * runs. Before the agreement is confirmed, {@code agreed} is what was approved (the
	 * agreement states the same) and there is no due date.
	 */
	public record FundsView(Totals cash, Totals hardwareSoftware, LocalDate fundsDueOn, boolean overdue,
			List<Disbursement> items) {

		public FundsView {
			items = List.copyOf(items);
		}

	}

	/** One kind's amounts; {@code outstanding} is {@code agreed - paid}. */
	public record Totals(Money agreed, Money paid, Money confirmed, Money outstanding) {
	}

	private final JdbcClient jdbc;

	private final ProjectRecords records;

	private final Projects projects;

	private final Agreements agreements;

	private final StoredFiles files;

	ProjectFunds(JdbcClient jdbc, ProjectRecords records, Projects projects, Agreements agreements, StoredFiles files) {
		this.jdbc = jdbc;
		this.records = records;
		this.projects = projects;
		this.agreements = agreements;
		this.files = files;
	}

	/**
	 * The project's enterprise records a payment while the project runs: refused with the
	 * field named when the amount is not positive, the date is in the future (in the
	 * batch's time zone) or the reference is missing or too long, and with
	 * {@code EXCEEDS_AGREEMENT} when the payments of its kind would total more than the
	 * agreement states.
	 */
	@Transactional
	public Disbursement pay(UUID projectId, CurrentUser user, Payment payment) {
		ProjectView project = this.records.forStep(projectId, user, Party.ENTERPRISE);
		ProjectRecords.require(project, PAYABLE);
		AgreementView agreement = confirmedAgreement(project);
		List<FieldViolation> violations = new ArrayList<>();
		if (payment == null) {
			throw DomainException.invalid("kind", "REQUIRED", "CASH or HARDWARE_SOFTWARE");
		}
		if (payment.kind() == null) {
			violations.add(new FieldViolation("kind", "REQUIRED", "CASH or HARDWARE_SOFTWARE"));
		}
		if (payment.amount() == null) {
			violations.add(new FieldViolation("amount", "REQUIRED", "the amount paid"));
		}
		else if (payment.amount().compareTo(Money.ZERO) <= 0) {
			violations.add(new FieldViolation("amount", "AMOUNT_NOT_POSITIVE", "more than zero"));
		}
		LocalDate today = this.records.today(project);
		if (payment.paidOn() == null) {
			violations.add(new FieldViolation("paidOn", "REQUIRED", "the day it was paid"));
		}
		else if (payment.paidOn().isAfter(today)) {
			violations.add(new FieldViolation("paidOn", "IN_THE_FUTURE", "at the latest today, " + today));
		}
		if (payment.reference() == null || payment.reference().isBlank()) {
			violations.add(new FieldViolation("reference", "REQUIRED", "the transfer's or the delivery's reference"));
		}
		else if (payment.reference().strip().length() > MAX_REFERENCE) {
			violations.add(new FieldViolation("reference", "TOO_LONG", "at most " + MAX_REFERENCE + " characters"));
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations);
		}
		Money agreed = agreed(agreement, payment.kind());
		Money total = paid(projectId, payment.kind()).plus(payment.amount());
		if (agreed.isLessThan(total)) {
			throw new DomainException(422, "EXCEEDS_AGREEMENT",
					List.of(new FieldViolation("amount", "EXCEEDS_AGREEMENT",
							"the payments of " + payment.kind() + " would total " + total + ", the agreement states "
									+ agreed)),
					"beyond the agreement", payment.amount().toString(), total.toString(), agreed.toString());
		}
		UUID id = UUID.randomUUID();
		String reference = payment.reference().strip();
		this.jdbc.sql("""
				INSERT INTO project_disbursements (id, project_id, kind, amount, paid_on, reference, recorded_by,
				  recorded_at, version)
				VALUES (:id, :project, :kind, :amount, :paidOn, :reference, :by, :at, 0)""")
			.param("id", id)
			.param("project", projectId)
			.param("kind", payment.kind().name())
			.param("amount", payment.amount().amount())
			.param("paidOn", payment.paidOn())
			.param("reference", reference)
			.param("by", user.username())
			.param("at", this.records.now())
			.update();
		this.records.record(project, user.username(), "FUNDS_PAID", describe(payment.kind()) + " " + payment.amount()
				+ " paid on " + payment.paidOn() + ", reference " + reference);
		return find(id).orElseThrow();
	}

	/**
	 * The enterprise attaches the payment's voucher (a PDF or an image), replacing the
	 * one before, until the university confirms the payment.
	 */
	@Transactional
	public Disbursement attachVoucher(UUID disbursementId, CurrentUser user, InputStream file, String fileName) {
		Disbursement disbursement = find(disbursementId).orElseThrow(() -> DomainException.notFound("disbursement"));
		ProjectView project = this.records.forStep(disbursement.projectId(), user, Party.ENTERPRISE);
		disbursement = find(disbursementId).orElseThrow();
		if (disbursement.confirmed()) {
			throw DomainException.illegalTransition("the payment is confirmed", "CONFIRMED");
		}
		if (file == null) {
			throw DomainException.invalid("file", "REQUIRED", "the voucher as a PDF or an image");
		}
		StoredFile stored = this.files.store(file, fileName, FileType.DOCUMENTS,
				this.records.batch(project).rules().attachmentMaxBytes(), user.username());
		this.jdbc.sql("""
				UPDATE project_disbursements SET voucher_file_id = :file, version = version + 1 WHERE id = :id""")
			.param("file", stored.id())
			.param("id", disbursementId)
			.update();
		this.records.record(project, user.username(), "FUNDS_VOUCHER", "voucher " + stored.originalName() + " for "
				+ describe(disbursement.kind()) + " " + disbursement.amount() + " paid on " + disbursement.paidOn());
		return find(disbursementId).orElseThrow();
	}

	/** The project's university confirms that it received the payment, once. */
	@Transactional
	public Disbursement confirm(UUID disbursementId, CurrentUser user) {
		Disbursement disbursement = find(disbursementId).orElseThrow(() -> DomainException.notFound("disbursement"));
		ProjectView project = this.records.forStep(disbursement.projectId(), user, Party.UNIVERSITY);
		disbursement = find(disbursementId).orElseThrow();
		if (disbursement.confirmed()) {
			throw DomainException.illegalTransition("the payment is confirmed already", "CONFIRMED");
		}
		this.jdbc.sql("""
				UPDATE project_disbursements SET confirmed_by = :by, confirmed_at = :at, version = version + 1
				WHERE id = :id""")
			.param("by", user.username())
			.param("at", this.records.now())
			.param("id", disbursementId)
			.update();
		this.records.record(project, user.username(), "FUNDS_CONFIRMED", "received " + describe(disbursement.kind())
				+ " " + disbursement.amount() + " paid on " + disbursement.paidOn());
		return find(disbursementId).orElseThrow();
	}

	/** The project's funds, for those who may see the project. */
	@Transactional(readOnly = true)
	public FundsView funds(UUID projectId, CurrentUser user) {
		ProjectView project = this.projects.get(projectId, user);
		Optional<AgreementView> agreement = this.agreements.find(projectId)
			.filter(candidate -> candidate.status().equals("CONFIRMED"));
		List<Disbursement> items = disbursements(projectId);
		Totals cash = totals(agreement.map(AgreementView::cashTotal).orElse(project.cash()), items, Kind.CASH);
		Totals hardwareSoftware = totals(
				agreement.map(AgreementView::hardwareSoftwareTotal).orElse(project.hardwareSoftware()), items,
				Kind.HARDWARE_SOFTWARE);
		LocalDate dueOn = agreement.map(AgreementView::fundsDueOn).orElse(null);
		boolean running = false;
		for (ProjectStatus status : PAYABLE) {
			running |= project.status() == status;
		}
		boolean shortOfAgreement = cash.paid().isLessThan(cash.agreed())
				|| hardwareSoftware.paid().isLessThan(hardwareSoftware.agreed());
		boolean overdue = running && dueOn != null && this.records.today(project).isAfter(dueOn) && shortOfAgreement;
		return new FundsView(cash, hardwareSoftware, dueOn, overdue, items);
	}

	/** A payment, for those who may see its project. */
	@Transactional(readOnly = true)
	public Disbursement get(UUID disbursementId, CurrentUser user) {
		Disbursement disbursement = find(disbursementId).orElseThrow(() -> DomainException.notFound("disbursement"));
		this.projects.get(disbursement.projectId(), user);
		return disbursement;
	}

	/** A payment's voucher, for those who may see its project. */
	@Transactional(readOnly = true)
	public Optional<StoredFile> voucher(UUID disbursementId, CurrentUser user) {
		Disbursement disbursement = get(disbursementId, user);
		return Optional.ofNullable(disbursement.voucherFileId()).flatMap(this.files::find);
	}

	public InputStream open(StoredFile file) {
		return this.files.open(file);
	}

	private AgreementView confirmedAgreement(ProjectView project) {
		return this.agreements.find(project.id())
			.filter(agreement -> agreement.status().equals("CONFIRMED"))
			.orElseThrow(() -> DomainException.illegalTransition("the agreement is not confirmed", "—"));
	}

	private static Money agreed(AgreementView agreement, Kind kind) {
		return (kind == Kind.CASH) ? agreement.cashTotal() : agreement.hardwareSoftwareTotal();
	}

	private Money paid(UUID projectId, Kind kind) {
		return Money.of(this.jdbc
			.sql("SELECT COALESCE(SUM(amount), 0) FROM project_disbursements WHERE project_id = :id AND kind = :kind")
			.param("id", projectId)
			.param("kind", kind.name())
			.query(java.math.BigDecimal.class)
			.single());
	}

	private static Totals totals(Money agreed, List<Disbursement> items, Kind kind) {
		Money paid = Money.ZERO;
		Money confirmed = Money.ZERO;
		for (Disbursement item : items) {
			if (item.kind() == kind) {
				paid = paid.plus(item.amount());
				if (item.confirmed()) {
					confirmed = confirmed.plus(item.amount());
				}
			}
		}
		Money outstanding = agreed.minus(paid);
		return new Totals(agreed, paid, confirmed, outstanding.isNegative() ? Money.ZERO : outstanding);
	}

	private static String describe(Kind kind) {
		return (kind == Kind.CASH) ? "cash" : "hardware/software";
	}

	/**
	 * The project's payments, in the order they were paid; the caller has checked the
	 * reader.
	 */
	@Transactional(readOnly = true)
	public List<Disbursement> disbursements(UUID projectId) {
		return this.jdbc
			.sql("SELECT * FROM project_disbursements WHERE project_id = :id ORDER BY paid_on, recorded_at, id")
			.param("id", projectId)
			.query(ProjectFunds::view)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Disbursement> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM project_disbursements WHERE id = :id")
			.param("id", id)
			.query(ProjectFunds::view)
			.optional();
	}

	private static Disbursement view(ResultSet rs, int n) throws SQLException {
		return new Disbursement(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
				Kind.valueOf(rs.getString("kind")), Money.of(rs.getBigDecimal("amount")),
				rs.getObject("paid_on", LocalDate.class), rs.getString("reference"),
				rs.getObject("voucher_file_id", UUID.class), rs.getString("recorded_by"),
				Agreements.instant(rs, "recorded_at"), rs.getString("confirmed_by"),
				Agreements.instant(rs, "confirmed_at"), rs.getLong("version"));
	}

}
