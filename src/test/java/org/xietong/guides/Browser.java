package org.xietong.guides;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PageSession;

import static org.assertj.core.api.Assertions.assertThat;

/** One person's browser over plain HTTP: its cookies, its language, its forms' CSRF. */
final class Browser {

	private final PageSession session;

	Browser(int port) {
		this.session = new PageSession(port);
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
		return this.session.page(path);
	}

	/** A request as htmx sends it. */
	Response htmx(String path) {
		return this.session.htmx(path);
	}

	/** Submits a form as the page {@code formPage} would, with its CSRF token. */
	Response post(String path, String formPage, Map<String, String> fields) {
		return this.session.post(path, formPage, fields);
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
