package org.xietong.guides.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.xietong.batches.BatchView;
import org.xietong.batches.ProjectType;
import org.xietong.guides.GuideManagement;
import org.xietong.guides.TypeMinimums;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.Money;

/**
 * What the guide pages share: refusals as one message per field in the user's language,
 * and the type minimum's hint.
 */
@Component
class GuidePageSupport {

	/** The key of the message that concerns the whole form. */
	static final String FORM = "form";

	private final MessageSource messages;

	GuidePageSupport(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The messages of a refusal: the refusal's own sentence for the whole form, and one
	 * message per field. Something not found is thrown on, to become an error page.
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
			String message = this.messages.getMessage("violation." + violation.code(), null, violation.message(),
					locale);
			errors.merge(violation.field(), message, (a, b) -> a.contains(b) ? a : a + " " + b);
		}
		return errors;
	}

	/** The HTTP status a page answers with when it comes back with errors. */
	static int status(DomainException ex) {
		return ex.violations().isEmpty() ? ex.status() : 422;
	}

	/** The type minimum's hint for what the form holds now. */
	MinimumHint hint(BatchView batch, String type, String cash, String hardware, Locale locale) {
		ProjectType projectType = (type == null) ? null : ProjectType.parse(type.trim()).orElse(null);
		if (projectType == null) {
			return new MinimumHint("none", this.messages.getMessage("guide.minimum.chooseType", null, locale));
		}
		Money cashAmount = amount(cash);
		Money hardwareAmount = amount(hardware);
		if (cashAmount == null || hardwareAmount == null) {
			return new MinimumHint("none", this.messages.getMessage("violation.INVALID_AMOUNT", null, locale));
		}
		TypeMinimums.Verdict verdict = TypeMinimums.of(batch.rules()).check(projectType, cashAmount, hardwareAmount);
		String sentence = this.messages.getMessage(GuideManagement.minimumMessage(verdict), locale);
		String state = this.messages.getMessage(verdict.met() ? "guide.minimum.met" : "guide.minimum.short", null,
				locale);
		return new MinimumHint(verdict.met() ? "met" : "short", sentence + " — " + state);
	}

	private static Money amount(String text) {
		return (text == null || text.isBlank()) ? Money.ZERO : GuideForm.money(text);
	}

	MessageSource messages() {
		return this.messages;
	}

	String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

}
