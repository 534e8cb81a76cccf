package org.xietong.projects;

import java.time.LocalDate;

import org.xietong.shared.Money;

/**
 * The terms of a cooperation agreement as the leader enters them from the signed copy.
 *
 * @param fundsDueOn by when the enterprise pays all funds (default: three months after
 * the start)
 */
public record AgreementTerms(Money cashTotal, Money hardwareSoftwareTotal, LocalDate startsOn, LocalDate endsOn,
		String deliverables, IpOwnership ipOwnership, LocalDate fundsDueOn) {
}
