package org.xietong.notices.web;

import java.util.UUID;

/** The public objection form, kept as typed when it comes back with errors. */
public record ObjectionForm(UUID subjectId, String name, String phone, String email, String reason) {

	public String value(String field) {
		String v = switch (field) {
			case "name" -> this.name;
			case "phone" -> this.phone;
			case "email" -> this.email;
			default -> this.reason;
		};
		return (v == null) ? "" : v;
	}

	public boolean isSubject(UUID id) {
		return id.equals(this.subjectId);
	}

}
