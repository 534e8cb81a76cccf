package org.xietong.organizations;

import java.time.LocalDate;

import org.xietong.shared.CreditCode;
import org.xietong.shared.Money;

/**
 * What an enterprise states about itself when it registers or corrects its registration.
 */
public record EnterpriseDetails(String name, CreditCode creditCode, String legalRepresentative, LocalDate foundedOn,
		Money registeredCapital, String industry, String address, String description, Contact contact) {

	/** The designated contact person (企业指定专人). */
	public record Contact(String name, String phone, String email) {
	}

}
