package org.xietong.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.audit.AuditEvent;
import org.xietong.audit.AuditTrail;

/**
 * Opaque bearer tokens for the API: 256 random bits handed out once, stored only as their
 * SHA-256, expiring, revocable.
 */
@Service
public class ApiTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final SecuritySettings settings;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, AuditTrail audit, SecuritySettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/** Issues a token to a user who has just proven its password. */
	@Transactional
	public IssuedToken issue(CurrentUser user, String clientAddress) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.settings.tokenLifetime());
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO api_tokens (id, token_hash, user_id, issued_at, expires_at, client_address)
				VALUES (:id, :hash, :user, :issued, :expires, :address)""")
			.param("id", id)
			.param("hash", hash(token))
			.param("user", user.id())
			.param("issued", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("expires", OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
			.param("address", clientAddress)
			.update();
		this.audit.recordAs(user, AuditEvent.of("TOKEN_ISSUED", "ApiToken", id).after("expires " + expiresAt));
		return new IssuedToken(token, expiresAt);
	}

	/**
	 * The user a presented token stands for, if it is known, unexpired, unrevoked and its
	 * user active. One query, token and user together, outside any transaction: it runs
	 * before every API request.
	 */
	public Optional<CurrentUser> authenticate(String token) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				SELECT u.id, u.username, u.display_name, u.role, u.organization_id, u.password_change_required
				FROM api_tokens t JOIN users u ON u.id = t.user_id
				WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now AND u.enabled""")
			.param("hash", hash(token))
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.query((rs, n) -> new CurrentUser(rs.getObject("id", UUID.class), rs.getString("username"),
					rs.getString("display_name"), Role.valueOf(rs.getString("role")),
					rs.getObject("organization_id", UUID.class), rs.getBoolean("password_change_required")))
			.optional();
	}

	/** Revokes a token; answers whether it was live. */
	@Transactional
	public boolean revoke(String token, CurrentUser user) {
		Optional<UUID> id = this.jdbc
			.sql("SELECT id FROM api_tokens WHERE token_hash = :hash AND user_id = :user AND revoked_at IS NULL")
			.param("hash", hash(token))
			.param("user", user.id())
			.query(UUID.class)
			.optional();
		id.ifPresent(tokenId -> {
			this.jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE id = :id")
				.param("now", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
				.param("id", tokenId)
				.update();
			this.audit.recordAs(user, AuditEvent.of("TOKEN_REVOKED", "ApiToken", tokenId));
		});
		return id.isPresent();
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A token as handed to its user, the only time it is ever seen whole. */
	public record IssuedToken(String token, Instant expiresAt) {
	}

}
