package org.xietong.applications;

import java.util.UUID;

/**
 * How many projects a teacher leads now, and how many of them are overdue, answered by
 * the module that owns projects (which builds on applications, so applications cannot ask
 * it directly).
 */
public interface LedProjects {

	/**
	 * The projects the teacher leads that are not yet completed, failed or terminated.
	 */
	long inProgress(UUID teacherId);

	/**
	 * The projects the teacher leads that are past their end date without completion;
	 * none until the module that owns projects answers it.
	 */
	default long overdue(UUID teacherId) {
		return 0;
	}

}
