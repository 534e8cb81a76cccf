package org.xietong.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.xietong.accounts.SecurityProblems;
import org.xietong.shared.DomainException;
import org.xietong.shared.DomainException.FieldViolation;
import org.xietong.shared.Problems;

/**
 * The one place where a refusal becomes an answer: problem details with a stable code for
 * the API, an error page in the user's language for pages. No stack trace ever leaves the
 * server; an unexpected failure gets an incident number that the log also carries.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling {

	static final String PAGE_MESSAGE = ErrorHandling.class.getName() + ".message";

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	private final MessageSource messages;

	private final SecurityProblems securityProblems;

	ErrorHandling(MessageSource messages, SecurityProblems securityProblems) {
		this.messages = messages;
		this.securityProblems = securityProblems;
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (ex.status() == 403) {
			// Recorded here, after the refused transaction rolled back, like every
			// refusal.
			this.securityProblems.recordDenied(request);
		}
		return answer(request, response, ex.status(), ex.code(), ex.detailKey(), ex.args(), ex.violations());
	}

	@ExceptionHandler(BindException.class)
	ResponseEntity<ProblemDetail> invalid(BindException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		List<FieldViolation> violations = ex.getFieldErrors()
			.stream()
			.map(error -> new FieldViolation(error.getField(),
					(error.getCode() == null) ? "INVALID" : error.getCode().toUpperCase(Locale.ROOT),
					this.messages.getMessage(error, locale(request))))
			.toList();
		return answer(request, response, 422, "VALIDATION_FAILED", new Object[0], violations);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ResponseEntity<ProblemDetail> badParameter(Exception ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ((MissingServletRequestParameterException) ex).getParameterName();
		return answer(request, response, 400, "VALIDATION_FAILED", new Object[0],
				List.of(new FieldViolation(name, "INVALID", ex.getMessage())));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		FieldViolation violation = JsonPaths.violation(ex);
		if (violation != null) {
			return answer(request, response, 400, "VALIDATION_FAILED", new Object[0], List.of(violation));
		}
		return answer(request, response, 400, "MALFORMED_REQUEST", new Object[0], List.of());
	}

	@ExceptionHandler({ MissingServletRequestPartException.class, MissingPathVariableException.class })
	ResponseEntity<ProblemDetail> missingValue(Exception ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		FieldViolation violation = (ex instanceof MissingServletRequestPartException part)
				? new FieldViolation(part.getRequestPartName(), "REQUIRED", "required")
				: new FieldViolation(((MissingPathVariableException) ex).getVariableName(), "INVALID", "not an id");
		return answer(request, response, 400, "VALIDATION_FAILED", new Object[0], List.of(violation));
	}

	@ExceptionHandler({ MultipartException.class, RequestRejectedException.class })
	ResponseEntity<ProblemDetail> malformed(HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		return answer(request, response, 400, "MALFORMED_REQUEST", new Object[0], List.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpServletRequest request, HttpServletResponse response) throws IOException {
		return answer(request, response, 405, "METHOD_NOT_ALLOWED", new Object[0], List.of());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		return answer(request, response, 415, "UNSUPPORTED_MEDIA_TYPE", new Object[0], List.of());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		return answer(request, response, 404, "NOT_FOUND", new Object[0], List.of());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		return answer(request, response, 413, "FILE_TOO_LARGE", new Object[0], List.of());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> staleVersion(HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		return answer(request, response, 409, "VERSION_CONFLICT", new Object[0], List.of());
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> duplicate(HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		return answer(request, response, 409, "DUPLICATE", new Object[0], List.of());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean anonymous = authentication == null || authentication instanceof AnonymousAuthenticationToken;
		if (anonymous) {
			return answer(request, response, 401, "UNAUTHENTICATED", new Object[0], List.of());
		}
		this.securityProblems.recordDenied(request);
		return answer(request, response, 403, "FORBIDDEN", new Object[0], List.of());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String incident = UUID.randomUUID().toString().substring(0, 8);
		log.error("Incident {} on {} {}", incident, request.getMethod(), request.getRequestURI(), ex);
		return answer(request, response, 500, "INTERNAL_ERROR", new Object[] { incident }, List.of());
	}

	private ResponseEntity<ProblemDetail> answer(HttpServletRequest request, HttpServletResponse response, int status,
			String code, Object[] args, List<FieldViolation> violations) throws IOException {
		return answer(request, response, status, code, "error." + code, args, violations);
	}

	private ResponseEntity<ProblemDetail> answer(HttpServletRequest request, HttpServletResponse response, int status,
			String code, String detailKey, Object[] args, List<FieldViolation> violations) throws IOException {
		Locale locale = locale(request);
		String title = this.messages.getMessage("title." + code, null, code, locale);
		String detail = this.messages.getMessage(detailKey, args, title, locale);
		if (!request.getRequestURI().startsWith("/api/")) {
			request.setAttribute(PAGE_MESSAGE, detail);
			response.sendError(status);
			return null;
		}
		if (!response.isCommitted()) {
			// An export may have set its own type (text/csv) before it failed.
			response.setContentType(null);
		}
		ProblemDetail problem = Problems.of(status, code, title, detail);
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		if (!violations.isEmpty()) {
			Problems.withErrors(problem, violations.stream()
				.map(violation -> Map.of("field", violation.field(), "code", violation.code(), "message",
						this.messages.getMessage("violation." + violation.code(), null, violation.message(), locale)))
				.toList());
		}
		return ResponseEntity.status(HttpStatus.valueOf(status))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static Locale locale(HttpServletRequest request) {
		return RequestContextUtils.getLocale(request);
	}

}
