package org.xietong.shared;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details with the platform's stable {@code code}. */
public final class Problems {

	private Problems() {
	}

	public static ProblemDetail of(int status, String code, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
		problem.setTitle(title);
		problem.setType(URI.create("urn:xietong:problem:" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
		problem.setProperty("code", code);
		return problem;
	}

	public static ProblemDetail withErrors(ProblemDetail problem, List<Map<String, String>> errors) {
		problem.setProperty("errors", errors);
		return problem;
	}

}
