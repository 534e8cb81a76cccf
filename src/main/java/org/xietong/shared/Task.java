package org.xietong.shared;

import java.time.Instant;
import java.util.List;

/**
 * Something that waits on a user now: what (a message key and its arguments, so that each
 * reader sees it in its own language), where to do it, and by when.
 *
 * @param kind a stable name of the kind of task, e.g. {@code APPLICATION_DRAFT}
 * @param messageKey the message that describes it
 * @param arguments the message's arguments
 * @param link the page where it is done
 * @param deadline when it must be done, or {@code null} when no date binds it
 * @param count how many items it covers (e.g. applications awaiting endorsement)
 */
public record Task(String kind, String messageKey, List<String> arguments, String link, Instant deadline, long count) {

	public Task {
		arguments = List.copyOf(arguments);
	}

}
