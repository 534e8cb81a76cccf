package org.xietong.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.LocaleResolver;
import org.xietong.shared.Languages;

/**
 * The language of a request: the {@code lang} cookie set by the language switch;
 * otherwise Chinese for pages and the {@code Accept-Language} header for the API.
 */
class PlatformLocaleResolver implements LocaleResolver {

	static final String COOKIE = "lang";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					return Languages.fromTag(cookie.getValue());
				}
			}
		}
		if (request.getRequestURI().startsWith("/api/")) {
			return Languages.fromAcceptLanguage(request);
		}
		return Languages.CHINESE;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Cookie cookie = new Cookie(COOKIE,
				Languages.fromTag(locale == null ? null : locale.toLanguageTag()).toLanguageTag());
		cookie.setPath("/");
		cookie.setHttpOnly(true);
		cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}

}
