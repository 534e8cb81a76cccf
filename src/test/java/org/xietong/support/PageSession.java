package org.xietong.support;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xietong.support.Api.Response;

/**
 * A person's browser over plain HTTP: a session cookie and the sign-in form with its CSRF
 * token.
 */
public final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final Api http;

	public PageSession(int port) {
		this.http = new Api(port);
	}

	public Response signIn(String username, String password) {
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf("/login");
		return this.http.send(this.http.request("/login", null)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	public Response get(String path) {
		return this.http.get(path, null);
	}

	/** The CSRF token of the form on {@code path}. */
	public String csrf(String path) {
		Matcher matcher = CSRF.matcher(this.http.get(path, null).body());
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token on " + path);
		}
		return matcher.group(1);
	}

}
