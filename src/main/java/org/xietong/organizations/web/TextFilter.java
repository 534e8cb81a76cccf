package org.xietong.organizations.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A list's search box: a text in names, usernames or codes. */
public record TextFilter(String q) {

	public String qValue() {
		return (this.q == null) ? "" : this.q;
	}

	String text() {
		return (this.q == null || this.q.isBlank()) ? null : this.q.trim();
	}

	/** The filter as query parameters, each after an {@code &}. */
	public String queryString() {
		return (text() == null) ? "" : "&q=" + URLEncoder.encode(this.q, StandardCharsets.UTF_8);
	}

}
