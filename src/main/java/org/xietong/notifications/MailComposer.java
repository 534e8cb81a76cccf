package org.xietong.notifications;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.xietong.shared.Languages;

/**
 * Writes an outbox row as an e-mail: in the one language its recipient chose, or in
 * Chinese then English; a digest lists every message it gathered, oldest first.
 */
final class MailComposer {

	private final MessageSource messages;

	private final String baseUrl;

	private final DateTimeFormatter time;

	MailComposer(MessageSource messages, String baseUrl, ZoneId zone) {
		this.messages = messages;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
	}

	/** One message; {@code language} {@code null} for Chinese then English. */
	Letter message(Item item, Locale language) {
		String link = link(item);
		if (language == null) {
			String chinese = text(item, Languages.CHINESE);
			return new Letter(subject(chinese, Languages.CHINESE),
					chinese + "\n" + link + "\n\n" + text(item, Languages.ENGLISH) + footer(Languages.CHINESE));
		}
		String text = text(item, language);
		return new Letter(subject(text, language), text + "\n" + link + footer(language));
	}

	/** A digest of {@code items}, oldest first; {@code language} as for a message. */
	Letter digest(List<Item> items, Locale language) {
		Locale first = (language == null) ? Languages.CHINESE : language;
		StringBuilder body = new StringBuilder(heading(items.size(), first)).append('\n');
		if (language == null) {
			body.append(heading(items.size(), Languages.ENGLISH)).append('\n');
		}
		int number = 0;
		for (Item item : items) {
			body.append('\n').append(++number).append(". ").append(this.time.format(item.createdAt())).append('\n');
			body.append(text(item, first)).append('\n');
			if (language == null) {
				body.append(text(item, Languages.ENGLISH)).append('\n');
			}
			if (item.link() != null) {
				body.append(link(item)).append('\n');
			}
		}
		body.append('\n').append(this.baseUrl).append("/inbox").append(footer(first));
		return new Letter(subject(heading(items.size(), first), first), body.toString());
	}

	private String heading(int count, Locale language) {
		return this.messages.getMessage(MailDigests.KEY, new Object[] { count }, language);
	}

	private String text(Item item, Locale language) {
		return this.messages.getMessage(item.key(), item.arguments(), language);
	}

	private String link(Item item) {
		return (item.link() == null) ? "" : this.baseUrl + item.link();
	}

	private String subject(String text, Locale language) {
		return this.messages.getMessage("mail.subject", new Object[] { truncate(text, 60) }, language);
	}

	private String footer(Locale language) {
		return "\n\n——\n" + this.messages.getMessage("mail.footer", null, language);
	}

	private static String truncate(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

	/** One message as the outbox keeps it. */
	record Item(String key, Object[] arguments, String link, Instant createdAt) {
	}

	/** What goes out: a subject and a plain-text body. */
	record Letter(String subject, String body) {
	}

}
