package org.xietong.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.xietong.accounts.CurrentUser;
import org.xietong.shared.KeyFigureSource;
import org.xietong.shared.KeyFigureSource.KeyFigure;

/** Every module's key figures for the signed-in user, in its language. */
@Component
public class KeyFigures {

	private final List<KeyFigureSource> sources;

	private final MessageSource messages;

	KeyFigures(List<KeyFigureSource> sources, MessageSource messages) {
		this.sources = sources;
		this.messages = messages;
	}

	/** The user's figures, each with its label in {@code locale}; often none. */
	public List<Item> of(CurrentUser user, Locale locale) {
		List<KeyFigure> figures = new ArrayList<>();
		for (KeyFigureSource source : this.sources) {
			figures.addAll(source.keyFiguresFor(user.id(), user));
		}
		return figures.stream()
			.map(figure -> new Item(this.messages.getMessage(figure.messageKey(), figure.arguments().toArray(),
					figure.messageKey(), locale), figure.value(), figure.link()))
			.toList();
	}

	/** A figure as the home page shows it: label, value, and the list it counts. */
	public record Item(String label, String value, String link) {
	}

}
