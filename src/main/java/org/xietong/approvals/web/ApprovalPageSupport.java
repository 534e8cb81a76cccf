package org.xietong.approvals.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.xietong.accounts.CurrentUser;
import org.xietong.accounts.Role;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;

/**
 * What the approval pages share: who may open the department's pages, and a refusal as
 * sentences in the user's language — one for the whole page, one per field, and one line
 * per violation naming the application it concerns, so that a refused batch decision is
 * shown whole.
 */
@Component
class ApprovalPageSupport {

	/** The key of the message that concerns the whole page. */
	static final String FORM = "form";

	private final MessageSource messages;

	ApprovalPageSupport(MessageSource messages) {
		this.messages = messages;
	}

	/** The user when it is the department; 403 for any other. */
	static CurrentUser requireDepartment(CurrentUser user) {
		if (user == null || !user.has(Role.DEPARTMENT_OFFICER)) {
			throw new AccessDeniedException("only for the department");
		}
		return user;
	}

	/**
	 * A refusal as messages. {@code titles} are the titles of the applications the
	 * request named: a batch decision's violations begin with one of them. Something not
	 * found is thrown on, to become the error page.
	 */
	Refusal refusal(DomainException ex, Locale locale, Collection<String> titles) {
		if (ex.status() == 404) {
			throw ex;
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String title = this.messages.getMessage("title." + ex.code(), null, ex.code(), locale);
		// The checks' own facts are in English: the page names the failed checks below.
		String whole = "APPROVAL_CHECK_FAILED".equals(ex.code()) ? message("approvals.page.refused.checks", locale)
				: this.messages.getMessage(ex.detailKey(), ex.args(), title, locale);
		errors.put(FORM, whole);
		List<String> lines = new ArrayList<>();
		for (FieldViolation violation : ex.violations()) {
			String localized = this.messages.getMessage("violation." + violation.code(), null, null, locale);
			String subject;
			String text;
			String named = named(violation.message(), titles);
			if (named != null) {
				subject = named;
				text = (localized != null) ? localized : violation.message().substring(named.length() + 2);
			}
			else if ("applications".equals(violation.field())) {
				subject = violation.message();
				text = (localized != null) ? localized : violation.code();
			}
			else {
				subject = label(violation.field(), locale);
				text = (localized != null) ? localized : violation.message();
				errors.merge(violation.field(), text, (a, b) -> a.contains(b) ? a : a + " " + b);
			}
			String line = message("approvals.page.problem", locale, subject, text);
			if (!lines.contains(line)) {
				lines.add(line);
			}
		}
		return new Refusal(ex.status(), ex.code(), errors, lines);
	}

	/** The field's name as the forms label it. */
	String label(String field, Locale locale) {
		// The notice's form names its fields title and body.
		String named = switch (field) {
			case "title" -> "noticeTitle";
			case "body" -> "noticeBody";
			default -> field;
		};
		return this.messages.getMessage("approvals.page.field." + named, null, field, locale);
	}

	String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

	/** The title a violation's message begins with ("title: …"), or null. */
	private static String named(String message, Collection<String> titles) {
		if (message == null) {
			return null;
		}
		String found = null;
		for (String title : titles) {
			if (title != null && message.startsWith(title + ": ")
					&& (found == null || title.length() > found.length())) {
				found = title;
			}
		}
		return found;
	}

	/**
	 * A refusal as a page shows it.
	 *
	 * @param errors the sentence for the whole page under {@link #FORM}, then one per
	 * field
	 * @param lines each violation as one line that names what it concerns
	 */
	record Refusal(int status, String code, Map<String, String> errors, List<String> lines) {

		static Refusal none() {
			return new Refusal(200, null, Map.of(), List.of());
		}

	}

}
