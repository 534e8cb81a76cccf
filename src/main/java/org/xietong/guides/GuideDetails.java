package org.xietong.guides;

import org.xietong.shared.Money;

/**
 * A guide as the enterprise writes it, unchecked: the API's and the form's request. The
 * project type is its name ({@code TEACHER_TRAINING}); a missing contact takes the
 * enterprise's designated contact.
 */
public record GuideDetails(String type, String title, String direction, String industry, String description,
		String requirements, Integer projectsOffered, Money cashPerProject, Money hardwareSoftwarePerProject,
		Contact contact) {

	/** Whom applicants may ask about the guide. */
	public record Contact(String name, String phone, String email) {
	}

}
