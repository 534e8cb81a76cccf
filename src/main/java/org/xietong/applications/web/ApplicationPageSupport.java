package org.xietong.applications.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.applications.SubmissionCheck;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;

/**
 * What the application pages share: refusals as sentences in the user's language (one for
 * the whole form, one per field, and a list naming each field), the side panel from the
 * submission check, and who may open which list.
 */
@Component
class ApplicationPageSupport {

	/** The key of the message that concerns the whole form. */
	static final String FORM = "form";

	private static final Pattern ROW = Pattern.compile("(team|budget)\\[(\\d+)\\](?:\\.(\\w+))?");

	private final MessageSource messages;

	ApplicationPageSupport(MessageSource messages) {
		this.messages = messages;
	}

	/** The user when it has the role; 403 for any other. */
	static CurrentUser require(CurrentUser user, Role role) {
		if (user == null || !user.has(role)) {
			throw new AccessDeniedException("only for " + role);
		}
		return user;
	}

	/**
	 * The messages of a refusal: its own sentence for the whole form, one message per
	 * field. Something not found is thrown on, to become an error page.
	 */
	Map<String, String> errors(DomainException ex, Locale locale) {
		if (ex.status() == 404) {
			throw ex;
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String title = this.messages.getMessage("title." + ex.code(), null, ex.code(), locale);
		errors.put(FORM, this.messages.getMessage(ex.detailKey(), ex.args(), title, locale));
		errors.putAll(errors(ex.violations(), locale));
		return errors;
	}

	Map<String, String> errors(List<FieldViolation> violations, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldViolation violation : violations) {
			errors.merge(violation.field(), violation(violation, locale), (a, b) -> a.contains(b) ? a : a + " " + b);
		}
		return errors;
	}

	/** Each violation as one line that names its field: "团队成员第 1 行 · 姓名：必填。". */
	List<String> lines(List<FieldViolation> violations, Locale locale) {
		List<String> lines = new ArrayList<>();
		for (FieldViolation violation : violations) {
			String line = message("applications.problem", locale, label(violation.field(), locale),
					violation(violation, locale));
			if (!lines.contains(line)) {
				lines.add(line);
			}
		}
		return lines;
	}

	/** A field's name as the form labels it. */
	String label(String field, Locale locale) {
		Matcher row = ROW.matcher(field);
		if (row.matches()) {
			String rowLabel = message("applications.field." + row.group(1) + ".row", locale,
					Integer.parseInt(row.group(2)) + 1);
			return (row.group(3) == null) ? rowLabel
					: rowLabel + " · " + message("applications.field." + row.group(1) + "." + row.group(3), locale);
		}
		return this.messages.getMessage("applications.field." + field, null, field, locale);
	}

	private String violation(FieldViolation violation, Locale locale) {
		return this.messages.getMessage("violation." + violation.code(), null, violation.message(), locale);
	}

	/** The side panel for what the check found. */
	SubmissionPanel panel(UUID applicationId, SubmissionCheck check, boolean editable, Locale locale) {
		SubmissionCheck.Window window = check.window();
		Instant now = window.now();
		String state = window.open() ? "open" : window.notYetOpen() ? "ahead" : "closed";
		String countdown;
		long deadline;
		switch (state) {
			case "open" -> {
				countdown = message("applications.window.closesIn", locale,
						span(Duration.between(now, window.closes()), locale));
				deadline = Duration.between(now, window.closes()).toMillis();
			}
			case "ahead" -> {
				countdown = message("applications.window.opensIn", locale,
						span(Duration.between(now, window.opens()), locale));
				deadline = Duration.between(now, window.opens()).toMillis();
			}
			default -> {
				countdown = message("applications.window.closed", locale);
				deadline = 0;
			}
		}
		SubmissionCheck.Overdue overdue = check.overdueProjects();
		List<String> missing = lines(check.problems(), locale);
		if (!overdue.allowsThisOne()) {
			missing.add(message("error.OVERDUE_PROJECT", locale, overdue.count()));
		}
		return new SubmissionPanel(applicationId.toString(), state,
				ApplicationDisplay.seconds(window.opens(), window.timeZone()),
				ApplicationDisplay.seconds(window.closes(), window.timeZone()), window.timeZone().getId(), countdown,
				deadline, check.applicationsThisYear().used(), check.applicationsThisYear().limit(),
				check.applicationsThisYear().allowsThisOne(), check.projectsInProgress().used(),
				check.projectsInProgress().limit(), check.projectsInProgress().allowsThisOne(),
				overdue.blocksApplications(), overdue.count(), overdue.allowsThisOne(),
				ApplicationDisplay.yuan(check.cashPerProject()), ApplicationDisplay.yuan(check.budgetTotal()),
				check.cashPerProject().isLessThan(check.budgetTotal()), missing, check.canSubmit(), editable);
	}

	/** A span as people say it: "3 天 4 小时 5 分". */
	String span(Duration duration, Locale locale) {
		long seconds = Math.max(duration.toSeconds(), 0);
		long days = seconds / 86_400;
		long hours = (seconds % 86_400) / 3600;
		long minutes = (seconds % 3600) / 60;
		if (days > 0) {
			return message("applications.span.days", locale, days, hours, minutes);
		}
		if (hours > 0) {
			return message("applications.span.hours", locale, hours, minutes);
		}
		return message("applications.span.minutes", locale, minutes, seconds % 60);
	}

	MessageSource messages() {
		return this.messages;
	}

	String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

}
