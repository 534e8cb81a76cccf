package org.xietong.organizations.web;

import org.xietong.organizations.TeacherManagement.NewTeacher;

/** A university administrator's form for one teacher. */
public record TeacherForm(String username, String displayName, String title, String email, String phone,
		String password) {

	public static TeacherForm empty() {
		return new TeacherForm(null, null, null, null, null, null);
	}

	TeacherForm withoutPassword() {
		return new TeacherForm(this.username, this.displayName, this.title, this.email, this.phone, null);
	}

	NewTeacher command() {
		return new NewTeacher(trim(this.username), this.password, trim(this.displayName),
				AccountForm.blankToNull(this.title), AccountForm.blankToNull(this.email),
				AccountForm.blankToNull(this.phone));
	}

	private static String trim(String text) {
		return (text == null) ? null : text.trim();
	}

}
