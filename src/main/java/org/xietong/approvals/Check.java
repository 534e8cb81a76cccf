package org.xietong.approvals;

import java.util.List;

/**
 * One check the department sees before deciding, computed when asked.
 *
 * @param code {@code FUNDING}, {@code ENTERPRISE_ELIGIBLE}, {@code TEACHER_LIMIT} or
 * {@code RESULT_NOTICE_CLOSED}
 * @param passed whether it holds
 * @param blocking whether an approval is refused while it fails
 * @param detail the facts, in English
 * @param arguments the facts, for the page's message {@code approvals.check.<code>}
 */
public record Check(String code, boolean passed, boolean blocking, String detail, List<String> arguments) {

	public Check {
		arguments = List.copyOf(arguments);
	}

}
