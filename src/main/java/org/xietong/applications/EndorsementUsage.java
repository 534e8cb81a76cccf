package org.xietong.applications;

import java.util.Map;
import java.util.UUID;

import org.xietong.batches.ProjectType;

/**
 * How many applications a university has endorsed to one enterprise in a batch, in all
 * and per project type, against the batch's caps ({@code null}: no cap).
 */
public record EndorsementUsage(UUID enterpriseId, String enterpriseName, long used, Integer cap,
		Map<ProjectType, Long> byType, Integer capPerType, long waiting) {
}
