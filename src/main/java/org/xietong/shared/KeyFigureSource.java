package org.xietong.shared;

import java.util.List;
import java.util.UUID;

/**
 * A module's contribution to a user's key figures on the home page (e.g. "applications
 * submitted: 120"): implemented as a bean by the module that counts them; the web shell
 * shows them beside the tasks.
 */
public interface KeyFigureSource {

	/** The figures the user may see now; empty for a role the module does not concern. */
	List<KeyFigure> keyFiguresFor(UUID userId, Actor actor);

	/**
	 * One figure: its label (a message key, so that each reader sees it in its own
	 * language), its value as shown, and the list it counts.
	 *
	 * @param messageKey the label's message key
	 * @param arguments the label's arguments (e.g. the batch's title)
	 * @param value the figure as shown, e.g. {@code 120} or {@code 503,999.95}
	 * @param link the page that lists what the figure counts, or {@code null}
	 */
	record KeyFigure(String messageKey, List<String> arguments, String value, String link) {

		public KeyFigure {
			arguments = List.copyOf(arguments);
		}

	}

}
