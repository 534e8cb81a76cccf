package org.xietong.guides.web;

import org.xietong.guides.GuideDetails;
import org.xietong.shared.Money;

/** A guide as the API takes it; {@code version} is required to change one. */
record GuideRequest(String type, String title, String direction, String industry, String description,
		String requirements, Integer projectsOffered, Money cashPerProject, Money hardwareSoftwarePerProject,
		GuideDetails.Contact contact, Long version) {

	GuideDetails details() {
		return new GuideDetails(this.type, this.title, this.direction, this.industry, this.description,
				this.requirements, this.projectsOffered, this.cashPerProject, this.hardwareSoftwarePerProject,
				this.contact);
	}

}
