package org.xietong.applications;

import java.util.UUID;

import org.xietong.batches.ProjectType;

/** The guide an application answers, as copied onto it. */
record ApplyingTo(UUID guideId, String guideTitle, UUID batchId, int batchYear, UUID enterpriseId,
		String enterpriseName, ProjectType type) {
}
