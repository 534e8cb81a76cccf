package org.xietong.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.xietong.shared.Actor;
import org.xietong.shared.PageResult;
import org.xietong.shared.ServerKey;

/**
 * Appends to and reads the audit trail. Appends join the caller's transaction, so that a
 * change and its entry commit together, and take no lock that another transaction needs:
 * an entry gets its number from a sequence and its MAC from the server key, and the
 * {@link AuditSealer} chains it once it has committed.
 */
@Service
public class AuditTrail {

	private static final String ANONYMOUS = "anonymous";

	private static final String SYSTEM = "system";

	private static final String INSERT = """
			INSERT INTO audit_entries (id, occurred_at, actor, actor_role, organization_id, client_address,
			  action, subject_type, subject_id, before_summary, after_summary, mac)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	private final Function<String[], String> mac;

	private final AuditWitness witness;

	private final ServerKey key;

	AuditTrail(JdbcClient jdbc, DataSource dataSource, Clock clock, ServerKey key, AuditWitness witness) {
		this.key = key;
		this.jdbc = jdbc;
		this.jdbcTemplate = new JdbcTemplate(dataSource);
		this.jdbcTemplate.setFetchSize(1000);
		this.clock = clock;
		this.mac = ChainHash.mac(key.derive("xietong-audit-mac-v1"));
		this.witness = witness;
	}

	/** Records an event by whoever is signed in now (or {@code anonymous}). */
	@Transactional(propagation = Propagation.REQUIRED)
	public AuditEntry record(AuditEvent event) {
		return recordAs(currentActor(), event);
	}

	/**
	 * Records an event by a named actor: a sign-in attempt, before anyone is signed in.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public AuditEntry recordAs(Actor actor, AuditEvent event) {
		return append(actor, List.of(event)).get(0);
	}

	/**
	 * Records many events by whoever is signed in now, in one round trip for their
	 * numbers and one batch for their rows: a publication's thousands of entries.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public List<AuditEntry> recordAll(List<AuditEvent> events) {
		return events.isEmpty() ? List.of() : append(currentActor(), events);
	}

	private List<AuditEntry> append(Actor actor, List<AuditEvent> events) {
		List<Long> ids = (events.size() == 1)
				? List.of(this.jdbc.sql("SELECT nextval('audit_entry_id_seq')").query(Long.class).single())
				: this.jdbc.sql("SELECT nextval('audit_entry_id_seq') FROM generate_series(1, :n)")
					.param("n", events.size())
					.query(Long.class)
					.list();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String actorName = (actor == null) ? ANONYMOUS : truncate(actor.username(), 100);
		String role = (actor == null) ? null : actor.roleName();
		UUID organization = (actor == null) ? null : actor.organizationId();
		String address = clientAddress();
		List<AuditEntry> entries = new ArrayList<>(events.size());
		for (int i = 0; i < events.size(); i++) {
			AuditEvent event = events.get(i);
			AuditEntry entry = new AuditEntry(ids.get(i), null, now, actorName, role, organization, address,
					event.action(), event.subjectType(), truncate(event.subjectId(), 100), event.before(),
					event.after(), null, null, null);
			entries.add(entry.withMac(this.mac.apply(entry.authenticated())));
		}
		OffsetDateTime occurredAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		this.jdbcTemplate.batchUpdate(INSERT, entries, 1000, (statement, entry) -> {
			statement.setLong(1, entry.id());
			statement.setObject(2, occurredAt);
			statement.setString(3, entry.actor());
			statement.setString(4, entry.actorRole());
			statement.setObject(5, entry.organizationId());
			statement.setString(6, entry.clientAddress());
			statement.setString(7, entry.action());
			statement.setString(8, entry.subjectType());
			statement.setString(9, entry.subjectId());
			statement.setString(10, entry.before());
			statement.setString(11, entry.after());
			statement.setString(12, entry.mac());
		});
		this.witness.promise(entries);
		return entries;
	}

	/** Whether {@code entry}'s MAC is the one its content and id must carry. */
	boolean authentic(AuditEntry entry) {
		return entry.mac() != null && entry.mac().equals(this.mac.apply(entry.authenticated()));
	}

	/** A page of entries, newest first. */
	@Transactional(readOnly = true)
	public PageResult<AuditEntry> find(AuditQuery query, int page, int size) {
		PageResult.check(page, size);
		Where where = Where.of(query);
		long total = this.jdbc.sql("SELECT COUNT(*) FROM audit_entries" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		List<AuditEntry> items = this.jdbc
			.sql("SELECT * FROM audit_entries" + where.sql() + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
			.params(where.params())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(AuditTrail::map)
			.list();
		return new PageResult<>(items, page, size, total);
	}

	/** Every entry that matches, oldest first, streamed to {@code sink}: for exports. */
	@Transactional(readOnly = true)
	public void forEach(AuditQuery query, Consumer<AuditEntry> sink) {
		Where where = Where.of(query);
		this.jdbc.sql("SELECT * FROM audit_entries" + where.sql() + " ORDER BY id")
			.params(where.params())
			.query((RowCallbackHandler) rs -> sink.accept(map(rs, 0)));
	}

	/**
	 * Checks the whole trail in one snapshot: the sealed chain from its first entry (an
	 * edited entry fails its hash and MAC, a deleted one leaves a gap, an inserted one
	 * breaks the next link, a rewritten history no longer matches the heads signed
	 * earlier), each entry not yet sealed against its MAC, and what this instance saw
	 * committed against what is there.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ChainVerification verify() {
		long started = System.nanoTime();
		ChainVerifier verifier = this.jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
			.query((rs, n) -> new ChainVerifier(rs.getLong(1), rs.getString(2), this::authentic, this::signedBy))
			.single();
		this.jdbcTemplate.query("""
				SELECT e.*, h.hash AS head_hash, h.sealed_at_text AS head_sealed_at, h.signature AS head_signature
				FROM audit_entries e LEFT JOIN audit_heads h ON h.seq = e.seq ORDER BY e.seq NULLS LAST, e.id""",
				(RowCallbackHandler) rs -> verifier.accept(map(rs, 0), signedHead(rs)));
		this.witness.checkCommittedBefore(started);
		return verifier.finish(this.witness.firstBroken());
	}

	/**
	 * {@link #verify()}, and whether the chain still has {@code hash} at {@code seq}: a
	 * head the caller kept from earlier.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ChainVerification verify(long seq, String hash) {
		ChainVerification verification = verify();
		boolean matches = this.jdbc.sql("SELECT hash FROM audit_entries WHERE seq = :seq")
			.param("seq", seq)
			.query(String.class)
			.optional()
			.map(stored -> stored.equalsIgnoreCase(hash.trim()))
			.orElse(false);
		return verification.withHead(new ChainVerification.HeadCheck(seq, hash, matches));
	}

	/**
	 * How far sealing has come, and how long the oldest entry not yet sealed has waited.
	 */
	@Transactional(readOnly = true)
	public SealingState sealing() {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				SELECT h.last_seq, h.sealed_at, u.unsealed, u.oldest
				FROM audit_chain_head h,
				  (SELECT count(*) AS unsealed, min(occurred_at) AS oldest FROM audit_entries WHERE seq IS NULL) u
				WHERE h.id = 1""").query((rs, n) -> {
			OffsetDateTime sealedAt = rs.getObject(2, OffsetDateTime.class);
			OffsetDateTime oldest = rs.getObject(4, OffsetDateTime.class);
			long lag = (oldest == null) ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toMillis());
			return new SealingState(rs.getLong(1), sealedAt == null ? null : sealedAt.toInstant(), rs.getLong(3),
					oldest == null ? null : oldest.toInstant(), lag);
		}).single();
	}

	/** The latest head the sealer signed, if any. */
	@Transactional(readOnly = true)
	public Optional<AuditHead> latestHead() {
		return this.jdbc.sql("SELECT * FROM audit_heads ORDER BY seq DESC LIMIT 1").query(AuditTrail::head).optional();
	}

	/** The head signed at exactly {@code seq}, if one was. */
	@Transactional(readOnly = true)
	public Optional<AuditHead> head(long seq) {
		return this.jdbc.sql("SELECT * FROM audit_heads WHERE seq = :seq")
			.param("seq", seq)
			.query(AuditTrail::head)
			.optional();
	}

	private static AuditHead head(ResultSet rs, int row) throws SQLException {
		return new AuditHead(rs.getLong("seq"), rs.getString("hash"), rs.getString("sealed_at_text"),
				rs.getString("key_id"), rs.getString("signature"));
	}

	private static AuditHead signedHead(ResultSet rs) throws SQLException {
		String hash = rs.getString("head_hash");
		return (hash == null) ? null : new AuditHead(rs.getLong("seq"), hash, rs.getString("head_sealed_at"), null,
				rs.getString("head_signature"));
	}

	private boolean signedBy(AuditHead head) {
		return this.key.verifies(head.signedText(), head.signature());
	}

	static AuditEntry map(ResultSet rs, int row) throws SQLException {
		long seq = rs.getLong("seq");
		Long sealed = rs.wasNull() ? null : seq;
		return new AuditEntry(rs.getLong("id"), sealed, rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("actor_role"), rs.getObject("organization_id", UUID.class),
				rs.getString("client_address"), rs.getString("action"), rs.getString("subject_type"),
				rs.getString("subject_id"), rs.getString("before_summary"), rs.getString("after_summary"),
				rs.getString("prev_hash"), rs.getString("hash"), rs.getString("mac"));
	}

	private static Actor currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			// Outside any request the platform itself acts: start-up tasks, scheduled
			// jobs.
			return (RequestContextHolder.getRequestAttributes() == null) ? named(SYSTEM) : null;
		}
		if (authentication.getPrincipal() instanceof Actor actor) {
			return actor;
		}
		return named(authentication.getName());
	}

	private static Actor named(String name) {
		return new Actor() {
			@Override
			public String username() {
				return name;
			}

			@Override
			public String roleName() {
				return null;
			}

			@Override
			public UUID organizationId() {
				return null;
			}
		};
	}

	private static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return truncate(request.getRemoteAddr(), 64);
		}
		return null;
	}

	private static String truncate(String value, int length) {
		return (value == null || value.length() <= length) ? value : value.substring(0, length);
	}

	private record Where(String sql, java.util.Map<String, Object> params) {

		static Where of(AuditQuery query) {
			List<String> conditions = new ArrayList<>();
			java.util.Map<String, Object> params = new java.util.HashMap<>();
			if (query.from() != null) {
				conditions.add("occurred_at >= :from");
				params.put("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
			}
			if (query.to() != null) {
				conditions.add("occurred_at <= :to");
				params.put("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
			}
			if (query.actor() != null && !query.actor().isBlank()) {
				conditions.add("actor = :actor");
				params.put("actor", query.actor().trim());
			}
			if (query.subject() != null && !query.subject().isBlank()) {
				conditions.add("(subject_id = :subject OR subject_type = :subject)");
				params.put("subject", query.subject().trim());
			}
			if (query.action() != null && !query.action().isBlank()) {
				conditions.add("action = :action");
				params.put("action", query.action().trim());
			}
			return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
		}

	}

}
