package org.xietong.support;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.xietong.support.Api.Response;

/**
 * A person's browser over plain HTTP: a session cookie, and forms posted with the CSRF
 * token of the page they sit on. The one helper every page test signs in and posts with.
 */
public final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final Api http;

	public PageSession(int port) {
		this.http = new Api(port);
	}

	/** Signs in through the sign-in form; answers the form's redirect. */
	public Response signIn(String username, String password) {
		return post("/login", "/login", Map.of("username", username, "password", password));
	}

	public Response get(String path) {
		return this.http.get(path, null);
	}

	/** A page as a browser asks for it, so that a refusal is an error page. */
	public Response page(String path) {
		return this.http.send(this.http.request(path, null).header("Accept", "text/html").GET());
	}

	/** A download (a workbook, a PDF) as the signed-in browser gets it, as bytes. */
	public java.net.http.HttpResponse<byte[]> download(String path) {
		return this.http.download(path, null);
	}

	/** A request as htmx sends it. */
	public Response htmx(String path) {
		return this.http.send(this.http.request(path, null).header("HX-Request", "true").GET());
	}

	/** Submits a form as the page {@code formPage} would, with its CSRF token. */
	public Response post(String path, String formPage, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf(formPage));
		String body = all.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return this.http.send(this.http.request(path, null)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Submits a form whose fields may repeat (the rows of a table), with the CSRF token
	 * of {@code formPage}; as htmx sends it when {@code htmx}.
	 */
	public Response post(String path, String formPage, List<Map.Entry<String, String>> fields, boolean htmx) {
		List<Map.Entry<String, String>> all = new ArrayList<>(fields);
		all.add(Map.entry("_csrf", csrf(formPage)));
		String body = all.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = this.http.request(path, null)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html");
		if (htmx) {
			request.header("HX-Request", "true");
		}
		return this.http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Uploads a file as a multipart form does, the CSRF token in the query string. */
	public Response upload(String path, String formPage, Map<String, String> fields, String fileName, byte[] content) {
		String token = csrf(formPage);
		return this.http.upload(path + "?_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8), null, fields,
				fileName, content);
	}

	/** The CSRF token of the form on {@code path}. */
	public String csrf(String path) {
		Matcher matcher = CSRF.matcher(get(path).body());
		if (!matcher.find()) {
			throw new AssertionError("no CSRF token on " + path);
		}
		return matcher.group(1);
	}

}
