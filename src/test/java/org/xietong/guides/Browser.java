package org.xietong.guides;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.xietong.support.Api;
import org.xietong.support.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** One person's browser over plain HTTP: its cookies, its language, its forms' CSRF. */
final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final Api api;

	Browser(int port) {
		this.api = new Api(port);
	}

	Browser signIn(String username, String password) {
		Response signedIn = post("/login", "/login", Map.of("username", username, "password", password));
		assertThat(signedIn.header("Location")).as("signing in " + username).endsWith("/home");
		return this;
	}

	Browser signIn(String username) {
		return signIn(username, Api.DEMO_PASSWORD);
	}

	/** Switches the pages to English, as the language link does. */
	Browser english() {
		assertThat(get("/lang?to=en&back=/").status()).isEqualTo(302);
		return this;
	}

	Response get(String path) {
		return this.api.send(this.api.request(path, null).header("Accept", "text/html").GET());
	}

	/** A request as htmx sends it. */
	Response htmx(String path) {
		return this.api.send(this.api.request(path, null).header("HX-Request", "true").GET());
	}

	/** Submits a form as the page {@code formPage} would, with its CSRF token. */
	Response post(String path, String formPage, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf(formPage));
		String body = all.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return this.api.send(this.api.request(path, null)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private String csrf(String formPage) {
		Matcher csrf = CSRF.matcher(get(formPage).body());
		assertThat(csrf.find()).as("a CSRF token on " + formPage).isTrue();
		return csrf.group(1);
	}

	/**
	 * A page that a strict Content-Security-Policy serves whole: no inline script, style
	 * or event handler, and every POST form carries the CSRF token.
	 */
	static void assertClean(String path, String body) {
		assertThat(body).as(path).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
		assertThat(body).as(path).doesNotContain("style=").doesNotContain("<style");
		assertThat(body).as(path).doesNotContainPattern("\\son[a-z]+=");
		for (Matcher form = Pattern.compile("<form method=\"post\"[^>]*>([\\s\\S]*?)</form>").matcher(body); form
			.find();) {
			assertThat(form.group(1)).as(path + ": every POST form carries the CSRF token").contains("name=\"_csrf\"");
		}
	}

}
