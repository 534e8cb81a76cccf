package org.xietong.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.StrictJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Reads, from a body Jackson refused, which field was wrong: its JSON path
 * ({@code contact.name}, {@code team[0].role}) and why.
 */
final class JsonPaths {

	private JsonPaths() {
	}

	/** The refused field, or null when the body was not JSON at all. */
	static FieldViolation violation(HttpMessageNotReadableException ex) {
		if (!(ex.getCause() instanceof DatabindException refused) || refused.getPath().isEmpty()) {
			return null;
		}
		String code = (refused instanceof StrictJson.Refused strict) ? strict.code() : "INVALID";
		return new FieldViolation(path(refused), code, refused.getOriginalMessage());
	}

	static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
