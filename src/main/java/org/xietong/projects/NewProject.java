package org.xietong.projects;

import java.util.UUID;

import org.xietong.batches.ProjectType;
import org.xietong.shared.Money;

/**
 * A project to open at publication, numbered by the approvals module from a reserved
 * range: {@code sequence} is its place under {@code prefix} (1, 2, …) and {@code number}
 * the number it is known by.
 */
public record NewProject(String number, String prefix, int sequence, UUID batchId, UUID applicationId,
		String applicationNumber, UUID guideId, String guideTitle, UUID enterpriseId, String enterpriseName,
		UUID universityId, String universityName, UUID leaderId, String leaderName, String title, ProjectType type,
		Money cash, Money hardwareSoftware, boolean key) {
}
