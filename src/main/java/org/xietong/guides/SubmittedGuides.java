package org.xietong.guides;

import java.util.List;
import java.util.UUID;

/** The answer to a submission: the guides it submitted and the enterprise's cash now. */
public record SubmittedGuides(UUID batchId, UUID enterpriseId, List<GuideView> items,
		EnterpriseCashMinimum.Total cash) {
}
