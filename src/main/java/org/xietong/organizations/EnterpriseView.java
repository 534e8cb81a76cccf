package org.xietong.organizations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.xietong.shared.Money;

/** An enterprise as the API and other modules see it. */
public record EnterpriseView(UUID id, String name, String creditCode, String legalRepresentative, LocalDate foundedOn,
		Money registeredCapital, String industry, String address, String description, EnterpriseDetails.Contact contact,
		EnterpriseStatus status, String reviewReason, String blacklistReason, Instant submittedAt, Instant reviewedAt,
		long version) {

	public boolean blacklisted() {
		return this.status == EnterpriseStatus.BLACKLISTED;
	}

}
