package org.xietong.guides;

import java.util.List;
import java.util.UUID;

/**
 * An enterprise submitted its guides of a batch at once; the department has them to
 * review.
 */
public record GuidesSubmitted(UUID batchId, UUID enterpriseId, List<UUID> guideIds) {

	public GuidesSubmitted {
		guideIds = List.copyOf(guideIds);
	}

}
