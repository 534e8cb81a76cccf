package org.xietong.applications.web;

import java.util.List;

/**
 * The side panel of the application form, as {@code SubmissionCheck} decides it and the
 * page shows it: the window in the batch's zone with its countdown, the teacher's limits,
 * the budget against the guide's cash, what is still missing and whether the button
 * submits.
 *
 * @param windowState {@code open}, {@code ahead} or {@code closed}
 * @param remainingMillis how long the countdown runs from now (to the opening or the
 * closing), for the page's script, which counts on from there; 0 once closed
 * @param overdueShown whether the batch refuses leaders of overdue projects, so that the
 * panel shows how many the teacher has
 * @param overdueProjects the projects the teacher leads past their end date without
 * completion
 */
public record SubmissionPanel(String applicationId, String windowState, String opens, String closes, String zone,
		String countdown, long remainingMillis, long yearlyUsed, int yearlyLimit, boolean yearlyAllows,
		long projectsUsed, int projectsLimit, boolean projectsAllow, boolean overdueShown, long overdueProjects,
		boolean overdueAllows, String cash, String total, boolean overBudget, List<String> missing, boolean canSubmit,
		boolean editable) {
}
