package org.xietong.reviews.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;

/**
 * What the review pages share: a refusal as sentences in the user's language (one for the
 * whole page, one per field, and a list naming each field), and who may open which page.
 */
@Component
class ReviewPageSupport {

	/** The key of the message that concerns the whole page. */
	static final String FORM = "form";

	private static final Pattern ROW = Pattern.compile("(criteria|scores)\\[(\\d+)\\](?:\\.(\\w+))?");

	/** Violations whose detail names what matched, in the data's own words. */
	private static final java.util.Set<String> DETAILED = java.util.Set.of("SAME_ORGANIZATION", "TEAM_MEMBER",
			"DECLARED");

	private final MessageSource messages;

	ReviewPageSupport(MessageSource messages) {
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
	 * A refusal as messages: its own sentence for the whole page, and each field's.
	 * Something not found is thrown on, to become the error page.
	 */
	Refusal refusal(DomainException ex, Locale locale) {
		if (ex.status() == 404) {
			throw ex;
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String title = this.messages.getMessage("title." + ex.code(), null, ex.code(), locale);
		errors.put(FORM, this.messages.getMessage(ex.detailKey(), ex.args(), title, locale));
		List<String> lines = new ArrayList<>();
		for (FieldViolation violation : ex.violations()) {
			String text = violation(violation, locale);
			errors.merge(violation.field(), text, (a, b) -> a.contains(b) ? a : a + " " + b);
			String line = DETAILED.contains(violation.code())
					? message("reviewPages.problem.detail", locale, label(violation.field(), locale), text,
							violation.message())
					: message("reviewPages.problem", locale, label(violation.field(), locale), text);
			if (!lines.contains(line)) {
				lines.add(line);
			}
		}
		return new Refusal(ex.status(), ex.code(), errors, lines);
	}

	/** A field's name as the forms label it: "评审指标第 2 行 · 权重". */
	String label(String field, Locale locale) {
		Matcher row = ROW.matcher(field);
		if (row.matches()) {
			String rowLabel = message("reviewPages.field." + row.group(1) + ".row", locale,
					Integer.parseInt(row.group(2)) + 1);
			return (row.group(3) == null) ? rowLabel
					: rowLabel + " · " + message("reviewPages.field." + row.group(1) + "." + row.group(3), locale);
		}
		if (field.startsWith("score:")) {
			return message("reviewPages.field.score", locale, field.substring("score:".length()));
		}
		if (field.startsWith("applications.")) {
			return message("reviewPages.field.application", locale);
		}
		return this.messages.getMessage("reviewPages.field." + field, null, field, locale);
	}

	String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

	private String violation(FieldViolation violation, Locale locale) {
		return this.messages.getMessage("violation." + violation.code(), null, violation.message(), locale);
	}

	/**
	 * A refusal as a page shows it.
	 *
	 * @param errors the sentence for the whole page under {@link #FORM}, then one per
	 * field
	 * @param lines each violation as one line that names its field and what matched
	 */
	record Refusal(int status, String code, Map<String, String> errors, List<String> lines) {

		static Refusal none() {
			return new Refusal(200, null, Map.of(), List.of());
		}

	}

}
