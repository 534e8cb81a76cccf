package org.xietong.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.xietong.accounts.CurrentUser;
import org.xietong.shared.Languages;

/**
 * What every page needs to render: the user, the language and its messages, the CSRF
 * token and the menu. Handed to each template as {@code ctx}.
 */
public final class PageContext {

	private final HttpServletRequest request;

	private final MessageSource messages;

	private final Locale locale;

	private final CurrentUser user;

	PageContext(HttpServletRequest request, MessageSource messages, Locale locale, CurrentUser user) {
		this.request = request;
		this.messages = messages;
		this.locale = locale;
		this.user = user;
	}

	/** The message for {@code key} in the page's language. */
	public String t(String key, Object... args) {
		return this.messages.getMessage(key, args, key, this.locale);
	}

	public Locale locale() {
		return this.locale;
	}

	/** {@code zh-CN} or {@code en}, for the {@code lang} attribute. */
	public String lang() {
		return isEnglish() ? "en" : "zh-CN";
	}

	public boolean isEnglish() {
		return Languages.ENGLISH.getLanguage().equals(this.locale.getLanguage());
	}

	public Optional<CurrentUser> user() {
		return Optional.ofNullable(this.user);
	}

	public boolean signedIn() {
		return this.user != null;
	}

	/** The role's name in the page's language, or an empty string. */
	public String roleLabel() {
		return (this.user == null) ? "" : t("role." + this.user.roleName());
	}

	public List<NavItem> nav() {
		return Navigation.forRole(this.user == null ? null : this.user.role());
	}

	public boolean isCurrent(String href) {
		String path = this.request.getRequestURI();
		return path.equals(href) || (href.length() > 1 && path.startsWith(href + "/"));
	}

	public String csrfParameter() {
		CsrfToken token = csrf();
		return (token == null) ? "_csrf" : token.getParameterName();
	}

	public String csrfHeader() {
		CsrfToken token = csrf();
		return (token == null) ? "X-CSRF-TOKEN" : token.getHeaderName();
	}

	public String csrfToken() {
		CsrfToken token = csrf();
		return (token == null) ? "" : token.getToken();
	}

	/** A link to this page in the other language. */
	public String switchLanguageHref() {
		String back = this.request.getRequestURI();
		String query = this.request.getQueryString();
		if (query != null) {
			back = back + "?" + query;
		}
		return "/lang?to=" + (isEnglish() ? "zh-CN" : "en") + "&back="
				+ java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * A one-time message left by the previous action (Post/Redirect/Get), as a message
	 * key.
	 */
	public Optional<String> notice() {
		var flash = org.springframework.web.servlet.support.RequestContextUtils.getInputFlashMap(this.request);
		return Optional.ofNullable(flash).map(map -> map.get("notice")).map(Object::toString);
	}

	private CsrfToken csrf() {
		return (CsrfToken) this.request.getAttribute(CsrfToken.class.getName());
	}

}
