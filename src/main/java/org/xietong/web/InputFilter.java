package org.xietong.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;
import org.xietong.shared.InputRules;
import org.xietong.shared.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, before sign-in or any controller sees them, query and form parameters and
 * multipart parts that PostgreSQL could not store (NUL, lone surrogates, bytes that are
 * not UTF-8) and multipart bodies that cannot be parsed: a problem for the API, a calm
 * page in the user's language otherwise.
 */
class InputFilter extends OncePerRequestFilter {

	private static final Pattern PARAMETER = Pattern.compile("Parameter \\[([^\\]]*)\\]");

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json;

	InputFilter(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Refusal refusal = check(request);
		if (refusal == null) {
			chain.doFilter(request, response);
		}
		else {
			refuse(request, response, refusal);
		}
	}

	private static Refusal check(HttpServletRequest request) {
		String type = request.getContentType();
		if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			Refusal refusal = checkParts(request);
			if (refusal != null) {
				return refusal;
			}
		}
		try {
			for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
				if (InputRules.hasForbiddenCharacter(parameter.getKey())) {
					return Refusal.characters(shown(parameter.getKey()));
				}
				for (String value : parameter.getValue()) {
					if (InputRules.hasForbiddenCharacter(value)) {
						return Refusal.characters(parameter.getKey());
					}
				}
			}
			return null;
		}
		catch (InvalidParameterException ex) {
			if (ex.getErrorCode() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
				return new Refusal(413, "FILE_TOO_LARGE", null);
			}
			// A value that is not UTF-8, such as an encoded lone surrogate: Tomcat names
			// it only in words.
			Matcher name = PARAMETER.matcher(String.valueOf(ex.getMessage()));
			return Refusal.characters(name.find() ? shown(name.group(1)) : "query");
		}
	}

	private static Refusal checkParts(HttpServletRequest request) {
		try {
			for (Part part : request.getParts()) {
				if (InputRules.hasForbiddenCharacter(part.getName())) {
					return Refusal.characters(shown(part.getName()));
				}
				if (InputRules.hasForbiddenCharacter(part.getSubmittedFileName())) {
					return Refusal.characters(part.getName());
				}
			}
			return null;
		}
		catch (InvalidFileNameException ex) {
			// Tomcat refuses a NUL in a file name without telling which part carried it.
			return Refusal.characters("filename");
		}
		catch (IOException | ServletException | RuntimeException ex) {
			request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, new MultipartException("unreadable", ex));
			return tooLarge(ex) ? new Refusal(413, "FILE_TOO_LARGE", null)
					: new Refusal(400, "MALFORMED_REQUEST", null);
		}
	}

	/**
	 * Whether Tomcat refused the body for its size, which it tells by a code or in words.
	 */
	private static boolean tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidParameterException invalid
					&& invalid.getErrorCode() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
				return true;
			}
			String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
			if (message.contains("exceed") && (message.contains("size") || message.contains("count"))) {
				return true;
			}
		}
		return false;
	}

	private static String shown(String name) {
		StringBuilder shown = new StringBuilder();
		name.codePoints().forEach(c -> shown.appendCodePoint((c == 0 || Character.isSurrogate((char) c)) ? 0xFFFD : c));
		return shown.toString();
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
		Locale locale = this.locales.resolveLocale(request);
		String title = this.messages.getMessage("title." + refusal.code(), null, refusal.code(), locale);
		String detailKey = (refusal.field() != null) ? "error.INVALID_CHARACTERS" : "error." + refusal.code();
		String detail = this.messages.getMessage(detailKey, null, title, locale);
		if (!request.getRequestURI().startsWith("/api/")) {
			request.setAttribute(ErrorHandling.PAGE_MESSAGE, detail);
			response.sendError(refusal.status());
			return;
		}
		ProblemDetail problem = Problems.of(refusal.status(), refusal.code(), title, detail);
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		if (refusal.field() != null) {
			Problems.withErrors(problem, List.of(Map.of("field", refusal.field(), "code", "INVALID_CHARACTERS",
					"message", this.messages.getMessage("violation.INVALID_CHARACTERS", null, detail, locale))));
		}
		response.setStatus(refusal.status());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * Why a request is refused; {@code field} names the parameter or part with bad
	 * characters.
	 */
	private record Refusal(int status, String code, String field) {

		static Refusal characters(String field) {
			return new Refusal(400, "VALIDATION_FAILED", field);
		}

	}

}
