package org.xietong.reviews;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.accounts.CurrentUser;
import org.xietong.applications.ApplicationView;
import org.xietong.organizations.ExpertView;
import org.xietong.shared.DomainException;

/**
 * The review's rules on experts for other steps that need experts (the completion
 * acceptance): who is in an enterprise's pool, and the same conflicts of interest.
 */
@Component
public class ExpertConflicts {

	private final Conflicts conflicts;

	private final ReviewAssignments assignments;

	ExpertConflicts(Conflicts conflicts, ReviewAssignments assignments) {
		this.conflicts = conflicts;
		this.assignments = assignments;
	}

	/**
	 * An expert of the enterprise's pool (its own or the department's), as the contact
	 * may pick it; not found otherwise.
	 */
	@Transactional(readOnly = true)
	public ExpertView fromPool(CurrentUser enterprise, UUID expertId) {
		return this.assignments.pool(enterprise)
			.stream()
			.filter(expert -> expert.id().equals(expertId))
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("expert"));
	}

	/**
	 * Refuses with {@code CONFLICT_OF_INTEREST}, naming each conflict, when the expert
	 * may not judge the application's work.
	 */
	@Transactional(readOnly = true)
	public void requireNone(ExpertView expert, ApplicationView application) {
		List<Conflict> found = this.conflicts.between(expert, application);
		if (!found.isEmpty()) {
			throw ReviewAssignments.conflictOfInterest(expert, found);
		}
	}

}
