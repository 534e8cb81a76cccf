package org.xietong.reviews;

import java.util.List;
import java.util.UUID;

/**
 * An assignment plan as the API answers it: the pairs made (or, for a dry run, that would
 * be made), and the applications that cannot get all their experts within the caps.
 */
public record AssignmentPlanView(List<Item> items, List<Short> shortOf, boolean complete, boolean applied) {

	/** An expert assigned to an application. */
	public record Item(UUID applicationId, UUID expertId, String expertName) {
	}

	/** An application that would still lack experts. */
	public record Short(UUID applicationId, int missing) {
	}

}
