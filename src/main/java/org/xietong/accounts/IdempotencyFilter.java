package org.xietong.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.xietong.shared.DomainException;

/**
 * Honours {@code Idempotency-Key} on API {@code POST}s: the same key from the same user —
 * or, signed out, from the same client address (as the proxy reports it) — within 24
 * hours answers the first answer again and does nothing more. A key reused for a
 * different request is refused; a request still running under the key answers 409. Server
 * failures (5xx) are not remembered, so that a retry can succeed.
 */
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	private static final Duration RETENTION = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecurityProblems problems;

	IdempotencyFilter(JdbcClient jdbc, Clock clock, SecurityProblems problems) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.problems = problems;
	}

	/** Answers that hold a secret (a new token) are never stored. */
	private static final String TOKEN_PATH = "/api/v1/auth/token";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
				|| TOKEN_PATH.equals(request.getRequestURI());
	}

	/**
	 * Whose keys these are: the user's, or a signed-out client's address, marked by an
	 * {@code @} that no username starts with.
	 */
	private static String owner(HttpServletRequest request) {
		return CurrentUser.get().map(CurrentUser::username).orElseGet(() -> "@" + request.getRemoteAddr());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER).trim();
		if (key.isEmpty() || key.length() > 200) {
			this.problems.write(response, this.problems.problem(request, 400, "INVALID_IDEMPOTENCY_KEY"));
			return;
		}
		String username = owner(request);
		// A multipart body stays with the container, which parses it; such a request is
		// known by its path alone.
		boolean multipart = request.getContentType() != null
				&& request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
		byte[] body = multipart ? new byte[0] : request.getInputStream().readAllBytes();
		String requestHash = sha256(request.getRequestURI(), multipart ? "multipart" : request.getContentType(), body);
		Instant now = this.clock.instant();

		Optional<Stored> previous = claim(username, key, request.getRequestURI(), requestHash, now);
		if (previous.isPresent()) {
			Stored stored = previous.get();
			if (!stored.requestHash().equals(requestHash)) {
				this.problems.write(response, this.problems.problem(request, 422, "IDEMPOTENCY_KEY_REUSED"));
			}
			else if (stored.status() == 0) {
				this.problems.write(response, this.problems.problem(request, 409, "IDEMPOTENT_REQUEST_IN_PROGRESS"));
			}
			else {
				response.setStatus(stored.status());
				response.setHeader("Idempotent-Replayed", "true");
				if (stored.contentType() != null) {
					response.setContentType(stored.contentType());
				}
				if (stored.body() != null) {
					response.getOutputStream().write(stored.body().getBytes(StandardCharsets.UTF_8));
				}
			}
			return;
		}

		ContentCachingResponseWrapper cachedResponse = new ContentCachingResponseWrapper(response);
		boolean remembered = false;
		try {
			chain.doFilter(multipart ? request : new ReplayedBodyRequest(request, body), cachedResponse);
			if (cachedResponse.getStatus() < 500) {
				this.jdbc.sql("""
						UPDATE idempotent_requests SET status = :status, content_type = :type, body = :body
						WHERE username = :username AND idempotency_key = :key""")
					.param("status", cachedResponse.getStatus())
					.param("type", cachedResponse.getContentType())
					.param("body", new String(cachedResponse.getContentAsByteArray(), StandardCharsets.UTF_8))
					.param("username", username)
					.param("key", key)
					.update();
				remembered = true;
			}
		}
		finally {
			if (!remembered) {
				forget(username, key);
			}
			cachedResponse.copyBodyToResponse();
		}
	}

	/** Claims the key for this request, or answers what was stored under it before. */
	private Optional<Stored> claim(String username, String key, String path, String requestHash, Instant now) {
		for (int attempt = 0; attempt < 2; attempt++) {
			try {
				this.jdbc.sql("""
						INSERT INTO idempotent_requests (username, idempotency_key, request_path, request_hash, status,
						  created_at)
						VALUES (:username, :key, :path, :hash, 0, :now)""")
					.param("username", username)
					.param("key", key)
					.param("path", path)
					.param("hash", requestHash)
					.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
					.update();
				return Optional.empty();
			}
			catch (DuplicateKeyException ex) {
				Optional<Stored> stored = this.jdbc.sql("""
						SELECT request_hash, status, content_type, body, created_at FROM idempotent_requests
						WHERE username = :username AND idempotency_key = :key""")
					.param("username", username)
					.param("key", key)
					.query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
							rs.getObject(5, OffsetDateTime.class).toInstant()))
					.optional();
				if (stored.isPresent() && stored.get().createdAt().plus(RETENTION).isAfter(now)) {
					return stored;
				}
				// Older than 24 hours (or just forgotten): the key is free again.
				forget(username, key);
			}
		}
		throw new DomainException(409, "IDEMPOTENT_REQUEST_IN_PROGRESS", "the key is in use");
	}

	private void forget(String username, String key) {
		this.jdbc.sql("DELETE FROM idempotent_requests WHERE username = :username AND idempotency_key = :key")
			.param("username", username)
			.param("key", key)
			.update();
	}

	private static String sha256(String path, String contentType, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(path.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(String.valueOf(contentType).getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Stored(String requestHash, int status, String contentType, String body, Instant createdAt) {
	}

}
