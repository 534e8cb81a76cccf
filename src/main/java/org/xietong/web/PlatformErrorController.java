package org.xietong.web;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.xietong.shared.Problems;

/**
 * Answers whatever reached the servlet container's error handling: problem details for
 * the API, a calm error page in the user's language for people, never a stack trace.
 */
@Controller
class PlatformErrorController implements ErrorController {

	private final MessageSource messages;

	PlatformErrorController(MessageSource messages) {
		this.messages = messages;
	}

	@RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
	String page(HttpServletRequest request, HttpServletResponse response, Model model) {
		int status = status(request);
		response.setStatus(status);
		String code = code(status);
		Locale locale = RequestContextUtils.getLocale(request);
		Object message = request.getAttribute(ErrorHandling.PAGE_MESSAGE);
		model.addAttribute("status", status);
		model.addAttribute("title", this.messages.getMessage("page.error." + status, null,
				this.messages.getMessage("title." + code, null, code, locale), locale));
		model.addAttribute("message", (message != null) ? message.toString()
				: this.messages.getMessage("error." + code, new Object[] { "" }, "", locale));
		return "web/error";
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> api(HttpServletRequest request) {
		int status = status(request);
		String code = code(status);
		Locale locale = RequestContextUtils.getLocale(request);
		String title = this.messages.getMessage("title." + code, null, code, locale);
		ProblemDetail problem = Problems.of(status, code, title,
				this.messages.getMessage("error." + code, new Object[] { "" }, title, locale));
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			problem.setInstance(java.net.URI.create(uri.toString()));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * The error's status; {@code /error} asked for directly, with no error behind it, is
	 * not found.
	 */
	private static int status(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		return (status instanceof Integer value) ? value : HttpStatus.NOT_FOUND.value();
	}

	static String code(int status) {
		return switch (status) {
			case 400 -> "MALFORMED_REQUEST";
			case 401 -> "UNAUTHENTICATED";
			case 403 -> "FORBIDDEN";
			case 404 -> "NOT_FOUND";
			case 405 -> "METHOD_NOT_ALLOWED";
			case 409 -> "CONFLICT";
			case 413 -> "FILE_TOO_LARGE";
			case 415 -> "UNSUPPORTED_MEDIA_TYPE";
			default -> (status >= 500) ? "INTERNAL_ERROR" : "BAD_REQUEST";
		};
	}

}
