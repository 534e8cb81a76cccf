package org.xietong.projects;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.xietong.shared.Money;

/**
 * A project's agreement and where it stands: {@code SUBMITTED} by the leader,
 * {@code CHECKED} by the university, {@code CONFIRMED} by the enterprise, or
 * {@code RETURNED} with a reason.
 */
public record AgreementView(UUID projectId, Money cashTotal, Money hardwareSoftwareTotal, LocalDate startsOn,
		LocalDate endsOn, String deliverables, IpOwnership ipOwnership, LocalDate fundsDueOn, UUID fileId,
		String status, String returnReason, String submittedBy, Instant submittedAt, String checkedBy,
		Instant checkedAt, String confirmedBy, Instant confirmedAt, long version) {
}
