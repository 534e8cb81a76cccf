package org.xietong.shared;

import java.util.List;
import java.util.UUID;

/**
 * A module's contribution to a user's tasks ("my tasks"): each module that makes people
 * act implements it as a bean; the web shell gathers them, soonest deadline first.
 */
public interface TaskSource {

	/**
	 * The tasks that wait on the user now; empty for a role the module does not concern.
	 */
	List<Task> tasksFor(UUID userId, Actor actor);

}
