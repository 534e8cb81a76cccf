package org.xietong.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests: JSON in and out, as another system would call the API.
 */
public final class Api {

	public static final String DEMO_PASSWORD = "Demo@2024";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final java.util.concurrent.atomic.AtomicLong ADDRESSES = new java.util.concurrent.atomic.AtomicLong(
			System.nanoTime() % 1_000_000);

	private final String base;

	private final HttpClient http;

	public Api(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public String base() {
		return this.base;
	}

	/** Signs in and answers the bearer token. */
	public String token(String username, String password) {
		Response response = post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
		if (response.status() != 200) {
			throw new IllegalStateException("sign-in of " + username + " failed: " + response);
		}
		return response.json().get("token").asString();
	}

	public String token(String username) {
		return token(username, DEMO_PASSWORD);
	}

	public Response get(String path, String token) {
		return send(request(path, token).GET());
	}

	public Response delete(String path, String token) {
		return send(request(path, token).DELETE());
	}

	public Response post(String path, String token, Object body) {
		return send(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(body instanceof String text ? text : JSON.writeValueAsString(body))));
	}

	/**
	 * A JSON POST as if from another client address (behind the trusted local proxy): for
	 * what is limited per address, such as objections, so that tests do not share one
	 * address's allowance.
	 */
	public Response postFrom(String clientAddress, String path, String token, Object body) {
		return send(request(path, token).header("Content-Type", "application/json")
			.header("X-Forwarded-For", clientAddress)
			.POST(HttpRequest.BodyPublishers
				.ofString(body instanceof String text ? text : JSON.writeValueAsString(body))));
	}

	/** A client address of its own for one test: 10.x.y.z, different on each call. */
	public static String someClientAddress() {
		long n = ADDRESSES.incrementAndGet();
		return "10." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
	}

	/**
	 * A multipart/form-data POST with text fields and one file part named {@code file}.
	 */
	public Response upload(String path, String token, Map<String, String> fields, String fileName, byte[] content) {
		String boundary = "xietong-" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(utf8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(utf8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
		return send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** The body as bytes, for downloads. */
	public HttpResponse<byte[]> download(String path, String token) {
		try {
			return this.http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Response put(String path, String token, Object body) {
		return send(request(path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers
				.ofString(body instanceof String text ? text : JSON.writeValueAsString(body))));
	}

	public Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	/** An answer: status, headers, body, and the body as JSON. */
	public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> String.join(",", entry.getValue()))
				.findFirst()
				.orElse(null);
		}

		/** The problem's stable code. */
		public String code() {
			return json().path("code").asString();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
