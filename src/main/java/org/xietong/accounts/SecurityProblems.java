package org.xietong.accounts;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;
import org.xietong.shared.Languages;
import org.xietong.shared.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answers to a missing or bad sign-in (401) and to a role that may not act
 * (403), as problem details; every refusal of a signed-in user is audited.
 */
@Component
public class SecurityProblems {

	private final MessageSource messages;

	private final JsonMapper json;

	private final AuditTrail audit;

	SecurityProblems(MessageSource messages, JsonMapper json, AuditTrail audit) {
		this.messages = messages;
		this.json = json;
		this.audit = audit;
	}

	void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		write(response, unauthenticated(request, "UNAUTHENTICATED"));
	}

	void invalidToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
		write(response, unauthenticated(request, "INVALID_TOKEN"));
	}

	void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) throws IOException {
		write(response, denied(request));
	}

	/** A 403 for the signed-in user, audited. */
	public ProblemDetail denied(HttpServletRequest request) {
		recordDenied(request);
		return problem(request, 403, "FORBIDDEN");
	}

	/** A 401 with the given code. */
	public ProblemDetail unauthenticated(HttpServletRequest request, String code) {
		return problem(request, 401, code);
	}

	/** Writes the refusal of a signed-in user to the audit trail. */
	public void recordDenied(HttpServletRequest request) {
		this.audit
			.record(AuditEvent.of("PERMISSION_DENIED", "Request", request.getMethod() + " " + request.getRequestURI()));
	}

	ProblemDetail problem(HttpServletRequest request, int status, String code) {
		Locale locale = Languages.fromAcceptLanguage(request);
		String title = this.messages.getMessage("title." + code, null, code, locale);
		String detail = this.messages.getMessage("error." + code, null, title, locale);
		ProblemDetail problem = Problems.of(status, code, title, detail);
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		return problem;
	}

	void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
