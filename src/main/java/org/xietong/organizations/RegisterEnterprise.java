package org.xietong.organizations;

import java.time.LocalDate;

import org.xietong.shared.Money;

/**
 * A registration as typed by the enterprise: raw values, checked all at once by
 * {@link EnterpriseManagement#register(RegisterEnterprise)}.
 */
public record RegisterEnterprise(String name, String creditCode, String legalRepresentative, LocalDate foundedOn,
		Money registeredCapital, String industry, String address, String description, String contactName,
		String contactPhone, String contactEmail, String username, String password) {
}
