package org.xietong.approvals;

import java.util.UUID;

import org.xietong.batches.ProjectType;
import org.xietong.projects.ProjectView;
import org.xietong.shared.Money;

/** One line of a batch's published approval list (立项名单). */
public record ApprovalListItem(String projectNumber, UUID projectId, UUID applicationId, String title, ProjectType type,
		String leader, String university, String enterprise, Money cash, Money hardwareSoftware, boolean key) {

	public static ApprovalListItem of(ProjectView project) {
		return new ApprovalListItem(project.number(), project.id(), project.applicationId(), project.title(),
				project.type(), project.leaderName(), project.universityName(), project.enterpriseName(),
				project.cash(), project.hardwareSoftware(), project.key());
	}

}
