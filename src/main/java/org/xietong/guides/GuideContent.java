package org.xietong.guides;

import java.util.Locale;

import org.xietong.batches.ProjectType;
import org.xietong.shared.Money;

/** A guide's content once checked against its batch: what the aggregate stores. */
record GuideContent(ProjectType type, String title, String direction, String industry, String description,
		String requirements, int projectsOffered, Money cashPerProject, Money hardwareSoftwarePerProject,
		String contactName, String contactPhone, String contactEmail) {

	/** What the catalogue's free-text search reads: title, enterprise, description. */
	String searchText(String enterpriseName) {
		return (this.title + "\n" + enterpriseName + "\n" + this.description).toLowerCase(Locale.ROOT);
	}

	String summary() {
		return "type=" + this.type + ", title=" + this.title + ", direction=" + this.direction + ", industry="
				+ this.industry + ", projectsOffered=" + this.projectsOffered + ", cashPerProject="
				+ this.cashPerProject + ", hardwareSoftwarePerProject=" + this.hardwareSoftwarePerProject + ", contact="
				+ this.contactName + "/" + this.contactPhone + "/" + this.contactEmail;
	}

}
