package org.xietong.organizations.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.xietong.organizations.EnterpriseView;
import org.xietong.organizations.RegisterEnterprise;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.Money;

/**
 * The registration form and its correction, as typed: every field text, so that what the
 * user typed comes back unchanged when something is wrong.
 */
public record EnterpriseForm(String name, String creditCode, String legalRepresentative, String foundedOn,
		String registeredCapital, String industry, String address, String description, String contactName,
		String contactPhone, String contactEmail, String username, String password, String confirmPassword,
		Long version) {

	public static EnterpriseForm empty() {
		return new EnterpriseForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null);
	}

	static EnterpriseForm of(EnterpriseView enterprise) {
		return new EnterpriseForm(enterprise.name(), enterprise.creditCode(), enterprise.legalRepresentative(),
				Display.text(enterprise.foundedOn()), Display.text(enterprise.registeredCapital()),
				enterprise.industry(), enterprise.address(), enterprise.description(), enterprise.contact().name(),
				enterprise.contact().phone(), enterprise.contact().email(), null, null, null, enterprise.version());
	}

	/** The same form without the passwords: they never go back to the browser. */
	EnterpriseForm withoutPasswords() {
		return new EnterpriseForm(this.name, this.creditCode, this.legalRepresentative, this.foundedOn,
				this.registeredCapital, this.industry, this.address, this.description, this.contactName,
				this.contactPhone, this.contactEmail, this.username, null, null, this.version);
	}

	/**
	 * The date and the amount that cannot be read; the command carries neither, so the
	 * service refuses it too.
	 */
	List<FieldViolation> formatProblems() {
		List<FieldViolation> problems = new ArrayList<>();
		if (!blank(this.foundedOn) && date(this.foundedOn) == null) {
			problems.add(new FieldViolation("foundedOn", "INVALID_DATE", "not a date"));
		}
		if (!blank(this.registeredCapital) && money(this.registeredCapital) == null) {
			problems.add(new FieldViolation("registeredCapital", "AMOUNT_FORMAT", "not an amount of yuan"));
		}
		return problems;
	}

	boolean passwordsDiffer() {
		return this.password != null && !this.password.equals(this.confirmPassword);
	}

	/** The command, with the given credit code (the stored one when correcting). */
	RegisterEnterprise command(String creditCode) {
		return new RegisterEnterprise(this.name, creditCode, this.legalRepresentative, date(this.foundedOn),
				money(this.registeredCapital), this.industry, this.address, this.description, this.contactName,
				this.contactPhone, this.contactEmail, this.username, this.password);
	}

	private static LocalDate date(String text) {
		if (blank(text)) {
			return null;
		}
		try {
			return org.xietong.shared.InputRules.parseDate(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Money money(String text) {
		if (blank(text)) {
			return null;
		}
		try {
			return Money.of(text.replace(",", "").replace("，", "").replace(" ", "").replace("元", ""));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
