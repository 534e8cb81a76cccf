package org.xietong.organizations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.xietong.shared.CreditCode;
import org.xietong.shared.DomainException;
import org.xietong.shared.Money;

/**
 * An enterprise's registration, owning its review transitions and its defaulter listing.
 */
@Table("enterprises")
class Enterprise {

	@Id
	private final UUID id;

	private String name;

	private final String creditCode;

	private String legalRepresentative;

	private LocalDate foundedOn;

	private Money registeredCapital;

	private String industry;

	private String address;

	private String description;

	private String contactName;

	private String contactPhone;

	private String contactEmail;

	private EnterpriseStatus status;

	private EnterpriseStatus statusBeforeBlacklist;

	private String reviewReason;

	private String blacklistReason;

	private Instant submittedAt;

	private Instant reviewedAt;

	@Version
	private Long version;

	@PersistenceCreator
	Enterprise(UUID id, String name, String creditCode, String legalRepresentative, LocalDate foundedOn,
			Money registeredCapital, String industry, String address, String description, String contactName,
			String contactPhone, String contactEmail, EnterpriseStatus status, EnterpriseStatus statusBeforeBlacklist,
			String reviewReason, String blacklistReason, Instant submittedAt, Instant reviewedAt, Long version) {
		this.id = id;
		this.name = name;
		this.creditCode = creditCode;
		this.legalRepresentative = legalRepresentative;
		this.foundedOn = foundedOn;
		this.registeredCapital = registeredCapital;
		this.industry = industry;
		this.address = address;
		this.description = description;
		this.contactName = contactName;
		this.contactPhone = contactPhone;
		this.contactEmail = contactEmail;
		this.status = status;
		this.statusBeforeBlacklist = statusBeforeBlacklist;
		this.reviewReason = reviewReason;
		this.blacklistReason = blacklistReason;
		this.submittedAt = submittedAt;
		this.reviewedAt = reviewedAt;
		this.version = version;
	}

	static Enterprise register(UUID id, EnterpriseDetails details, EnterpriseStatus status, Instant now) {
		Enterprise enterprise = new Enterprise(id, null, details.creditCode().value(), null, null, null, null, null,
				null, null, null, null, status, null, null, null, now, null, null);
		enterprise.apply(details);
		return enterprise;
	}

	/** Corrects the registration while it is under review or returned. */
	void correct(EnterpriseDetails details) {
		if (!this.status.isEditable()) {
			throw DomainException.illegalTransition("an enterprise in status " + this.status + " cannot be edited");
		}
		if (!details.creditCode().value().equals(this.creditCode)) {
			throw DomainException.invalid("creditCode", "CREDIT_CODE_IMMUTABLE",
					"the credit code identifies the enterprise and cannot change");
		}
		apply(details);
	}

	void resubmit(Instant now) {
		move(EnterpriseStatus.PENDING_REVIEW);
		this.submittedAt = now;
	}

	void approve(Instant now) {
		move(EnterpriseStatus.APPROVED);
		this.reviewReason = null;
		this.reviewedAt = now;
	}

	void returnForCorrection(String reason, Instant now) {
		move(EnterpriseStatus.RETURNED);
		this.reviewReason = reason;
		this.reviewedAt = now;
	}

	void reject(String reason, Instant now) {
		move(EnterpriseStatus.REJECTED);
		this.reviewReason = reason;
		this.reviewedAt = now;
	}

	void blacklist(String reason) {
		EnterpriseStatus before = this.status;
		move(EnterpriseStatus.BLACKLISTED);
		this.statusBeforeBlacklist = before;
		this.blacklistReason = reason;
	}

	void removeFromBlacklist() {
		if (this.status != EnterpriseStatus.BLACKLISTED) {
			throw DomainException.illegalTransition("the enterprise is not on the defaulters' list");
		}
		move(this.statusBeforeBlacklist == null ? EnterpriseStatus.PENDING_REVIEW : this.statusBeforeBlacklist);
		this.statusBeforeBlacklist = null;
		this.blacklistReason = null;
	}

	private void move(EnterpriseStatus next) {
		if (!this.status.canMoveTo(next)) {
			throw DomainException.illegalTransition("an enterprise cannot go from " + this.status + " to " + next);
		}
		this.status = next;
	}

	private void apply(EnterpriseDetails details) {
		this.name = details.name().trim();
		this.legalRepresentative = details.legalRepresentative().trim();
		this.foundedOn = details.foundedOn();
		this.registeredCapital = details.registeredCapital();
		this.industry = details.industry().trim();
		this.address = details.address().trim();
		this.description = details.description().trim();
		this.contactName = details.contact().name().trim();
		this.contactPhone = details.contact().phone().trim();
		this.contactEmail = details.contact().email().trim();
	}

	EnterpriseView view() {
		return new EnterpriseView(this.id, this.name, this.creditCode, this.legalRepresentative, this.foundedOn,
				this.registeredCapital, this.industry, this.address, this.description,
				new EnterpriseDetails.Contact(this.contactName, this.contactPhone, this.contactEmail), this.status,
				this.reviewReason, this.blacklistReason, this.submittedAt, this.reviewedAt,
				this.version == null ? 0 : this.version);
	}

	UUID id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	EnterpriseStatus status() {
		return this.status;
	}

	Long version() {
		return this.version;
	}

}
