package org.xietong.applications;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.Money;

/**
 * Everything that decides whether an application can be submitted now, shown on the form
 * before the teacher presses the button: the window, the teacher's limits and what is
 * still missing.
 *
 * @param window the application window of the batch and whether it is open now
 * @param applicationsThisYear the teacher's applications filed this year, against the
 * batch's limit; {@code countsThisOne} when this application already takes one place
 * @param projectsInProgress the projects the teacher leads now, against the limit
 * @param overdueProjects the projects the teacher leads past their end date without
 * completion, and whether the batch refuses applications for them
 * @param cashPerProject the guide's cash per project, which the budget may not exceed
 * @param problems what must be fixed first (field, code, message)
 * @param canSubmit whether submitting now would succeed
 */
public record SubmissionCheck(Window window, Limit applicationsThisYear, Limit projectsInProgress,
		Overdue overdueProjects, Money cashPerProject, Money budgetTotal, List<FieldViolation> problems,
		boolean canSubmit) {

	/** The application window, inclusive to the second, in the batch's time zone. */
	public record Window(Instant opens, Instant closes, ZoneId timeZone, Instant now, boolean open) {

		static Window of(Instant opens, Instant closes, ZoneId zone, Instant now) {
			Instant second = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
			return new Window(opens, closes, zone, now, !second.isBefore(opens) && !second.isAfter(closes));
		}

		/** Whether the window has not opened yet. */
		public boolean notYetOpen() {
			return this.now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).isBefore(this.opens);
		}

	}

	/**
	 * A limit and how much of it is used; {@code countsThisOne} when this application
	 * already takes one of the used places, so that submitting it again takes no more.
	 */
	public record Limit(long used, int limit, boolean countsThisOne) {

		/** Whether submitting this application stays within the limit. */
		public boolean allowsThisOne() {
			return this.countsThisOne ? this.used <= this.limit : this.used < this.limit;
		}

	}

	/**
	 * The projects the teacher leads past their end date without completion;
	 * {@code blocksApplications} when the batch refuses a leader who has any
	 * ({@code overdueBlocksApplications}).
	 */
	public record Overdue(long count, boolean blocksApplications) {

		/** Whether the overdue projects let this application be submitted. */
		public boolean allowsThisOne() {
			return !this.blocksApplications || this.count == 0;
		}

	}

}
