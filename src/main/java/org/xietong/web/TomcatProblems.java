package org.xietong.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.util.HtmlUtils;
import org.xietong.shared.Languages;
import org.xietong.shared.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat answers itself, before the application sees a request (a path that is not
 * UTF-8, an encoded slash or NUL): a problem document with a code, or for a browser a
 * short page in its language, never Tomcat's own error page.
 */
class TomcatProblems extends ErrorReportValve {

	private final MessageSource messages;

	private final JsonMapper json;

	TomcatProblems(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		Locale locale = Languages.fromAcceptLanguage(request);
		String code = PlatformErrorController.code(status);
		String title = this.messages.getMessage("title." + code, null, code, locale);
		String detail = this.messages.getMessage("error." + code, new Object[] { "" }, title, locale);
		try {
			String accept = request.getHeader("Accept");
			if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
				response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
				response.getOutputStream()
					.write(("<!doctype html><html lang=\"" + locale.getLanguage() + "\"><meta charset=\"utf-8\"><title>"
							+ HtmlUtils.htmlEscape(title) + "</title><h1>" + HtmlUtils.htmlEscape(title) + "</h1><p>"
							+ HtmlUtils.htmlEscape(detail) + "</p><p><a href=\"/\">⌂</a></p></html>")
						.getBytes(StandardCharsets.UTF_8));
			}
			else {
				ProblemDetail problem = Problems.of(status, code, title, detail);
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				response.getOutputStream().write(this.json.writeValueAsBytes(problem));
			}
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the client has gone; nothing more to tell it
		}
	}

}
