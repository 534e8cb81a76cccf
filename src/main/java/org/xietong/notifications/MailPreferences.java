package org.xietong.notifications;

import java.util.Optional;
import java.util.Locale;

import org.xietong.shared.Languages;

/**
 * What a user chose for e-mail: one language ({@code zh-CN} or {@code en}; {@code null}
 * while not chosen, and mail comes in Chinese then English), and whether mail waits for
 * one daily digest.
 */
public record MailPreferences(String mailLanguage, boolean dailyDigest) {

	/** What a user who never chose gets. */
	public static final MailPreferences NONE = new MailPreferences(null, false);

	/** The one language mail is written in, or empty for both. */
	public Optional<Locale> locale() {
		return Optional.ofNullable(this.mailLanguage).map(Languages::fromTag);
	}

	String summary() {
		return "mailLanguage=" + (this.mailLanguage == null ? "none" : this.mailLanguage) + ", dailyDigest="
				+ this.dailyDigest;
	}

}
