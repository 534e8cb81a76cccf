package org.xietong.organizations.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;

/**
 * Turns a refusal into what a form shows: one message per field in the user's language,
 * or one message for the whole form when the refusal names no field.
 */
final class FormErrors {

	/** The key of the message that concerns the whole form. */
	static final String FORM = "form";

	private FormErrors() {
	}

	/**
	 * The messages of a refusal that a form can show; a refusal that is not about the
	 * form (something not found) is thrown on, to become an error page.
	 */
	static Map<String, String> of(DomainException ex, MessageSource messages, Locale locale) {
		if (ex.status() == 404) {
			throw ex;
		}
		Map<String, String> errors = of(ex.violations(), messages, locale);
		if (errors.isEmpty()) {
			String title = messages.getMessage("title." + ex.code(), null, ex.code(), locale);
			errors.put(FORM, messages.getMessage(ex.detailKey(), ex.args(), title, locale));
		}
		return errors;
	}

	static Map<String, String> of(List<FieldViolation> violations, MessageSource messages, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldViolation violation : violations) {
			String message = violation(violation.code(), violation.message(), messages, locale);
			errors.merge(violation.field(), message, (a, b) -> a.contains(b) ? a : a + " " + b);
		}
		return errors;
	}

	/**
	 * The message of a violation code, or the service's own words when none is written.
	 */
	static String violation(String code, String fallback, MessageSource messages, Locale locale) {
		return messages.getMessage("violation." + code, null, fallback, locale);
	}

	/** The HTTP status a form answers with when it comes back with errors. */
	static int status(DomainException ex) {
		return ex.violations().isEmpty() ? ex.status() : 422;
	}

}
