package org.xietong.organizations.web;

/** The system administrator's form for a new university. */
public record UniversityForm(String name, String code) {

	public static UniversityForm empty() {
		return new UniversityForm(null, null);
	}

}
