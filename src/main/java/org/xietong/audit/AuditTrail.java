package org.xietong.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.xietong.shared.Actor;
import org.xietong.shared.PageResult;

/**
 * Appends to and reads the audit trail. Appends join the caller's transaction, so that a
 * change and its entry commit together; each append locks the chain's head so that
 * entries form one unbroken line.
 */
@Service
public class AuditTrail {

	private static final String ANONYMOUS = "anonymous";

	private static final String SYSTEM = "system";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, DataSource dataSource, Clock clock) {
		this.jdbc = jdbc;
		this.jdbcTemplate = new JdbcTemplate(dataSource);
		this.jdbcTemplate.setFetchSize(1000);
		this.clock = clock;
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
		ChainTip tip = tip();
		Head head = tip.head;
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String actorName = (actor == null) ? ANONYMOUS : truncate(actor.username(), 100);
		AuditEntry unsigned = new AuditEntry(head.lastSeq() + 1, now, actorName,
				actor == null ? null : actor.roleName(), actor == null ? null : actor.organizationId(), clientAddress(),
				event.action(), event.subjectType(), truncate(event.subjectId(), 100), event.before(), event.after(),
				head.lastHash(), null);
		AuditEntry entry = new AuditEntry(unsigned.seq(), unsigned.occurredAt(), unsigned.actor(), unsigned.actorRole(),
				unsigned.organizationId(), unsigned.clientAddress(), unsigned.action(), unsigned.subjectType(),
				unsigned.subjectId(), unsigned.before(), unsigned.after(), unsigned.prevHash(), unsigned.computeHash());
		this.jdbc.sql("""
				INSERT INTO audit_entries (seq, occurred_at, actor, actor_role, organization_id, client_address,
				  action, subject_type, subject_id, before_summary, after_summary, prev_hash, hash)
				VALUES (:seq, :occurredAt, :actor, :role, :org, :address, :action, :subjectType, :subjectId,
				  :before, :after, :prevHash, :hash)""")
			.param("seq", entry.seq())
			.param("occurredAt", OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
			.param("actor", entry.actor())
			.param("role", entry.actorRole())
			.param("org", entry.organizationId())
			.param("address", entry.clientAddress())
			.param("action", entry.action())
			.param("subjectType", entry.subjectType())
			.param("subjectId", entry.subjectId())
			.param("before", entry.before())
			.param("after", entry.after())
			.param("prevHash", entry.prevHash())
			.param("hash", entry.hash())
			.update();
		tip.head = new Head(entry.seq(), entry.hash());
		return entry;
	}

	/**
	 * The chain's head for this transaction: read under its row lock by the transaction's
	 * first entry, carried in memory through the next ones, and written back once, just
	 * before commit. One write per transaction rather than one per entry: a publication
	 * of fifteen thousand projects would otherwise leave as many dead versions of that
	 * one row for every later entry to step over, and hold the lock the longer.
	 */
	private ChainTip tip() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof ChainTip tip && tip.owner == this) {
				return tip;
			}
		}
		ChainTip tip = new ChainTip(this,
				this.jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
					.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
					.single());
		TransactionSynchronizationManager.registerSynchronization(tip);
		return tip;
	}

	/**
	 * A transaction's hold on the chain's head. Synchronizations are suspended with their
	 * transaction, so a transaction started inside another (REQUIRES_NEW) finds its own.
	 */
	private static final class ChainTip implements TransactionSynchronization {

		private final AuditTrail owner;

		private Head head;

		private final long firstSeq;

		ChainTip(AuditTrail owner, Head head) {
			this.owner = owner;
			this.head = head;
			this.firstSeq = head.lastSeq();
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			if (this.head.lastSeq() != this.firstSeq) {
				this.owner.jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
					.param("seq", this.head.lastSeq())
					.param("hash", this.head.lastHash())
					.update();
			}
		}

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
			.sql("SELECT * FROM audit_entries" + where.sql() + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
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
		this.jdbc.sql("SELECT * FROM audit_entries" + where.sql() + " ORDER BY seq")
			.params(where.params())
			.query((RowCallbackHandler) rs -> sink.accept(map(rs, 0)));
	}

	/**
	 * Recomputes the chain from the first entry: an edited entry fails its hash, a
	 * deleted one leaves a gap, an inserted one breaks the next link.
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		Head head = this.jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		Verifier verifier = new Verifier(head);
		this.jdbcTemplate.query("SELECT * FROM audit_entries ORDER BY seq",
				(RowCallbackHandler) rs -> verifier.accept(map(rs, 0)));
		return verifier.finish();
	}

	private static AuditEntry map(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("actor_role"), rs.getObject("organization_id", UUID.class),
				rs.getString("client_address"), rs.getString("action"), rs.getString("subject_type"),
				rs.getString("subject_id"), rs.getString("before_summary"), rs.getString("after_summary"),
				rs.getString("prev_hash"), rs.getString("hash"));
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

	private record Head(long lastSeq, String lastHash) {
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

	private static final class Verifier {

		private final Head head;

		private long expectedSeq = 1;

		private String previousHash = ChainHash.GENESIS;

		private long count;

		private ChainVerification broken;

		Verifier(Head head) {
			this.head = head;
		}

		void accept(AuditEntry entry) {
			this.count++;
			if (this.broken != null) {
				return;
			}
			if (entry.seq() > this.head.lastSeq()) {
				this.broken = ChainVerification.broken(0, entry.seq(), "entry lies beyond the chain's recorded head");
			}
			else if (entry.seq() != this.expectedSeq) {
				this.broken = ChainVerification.broken(0, Math.min(entry.seq(), this.expectedSeq),
						"entry " + this.expectedSeq + " is missing");
			}
			else if (!entry.prevHash().equals(this.previousHash)) {
				this.broken = ChainVerification.broken(0, entry.seq(), "link to the previous entry is broken");
			}
			else if (!entry.computeHash().equals(entry.hash())) {
				this.broken = ChainVerification.broken(0, entry.seq(), "content does not match its hash");
			}
			this.expectedSeq = entry.seq() + 1;
			this.previousHash = entry.hash();
		}

		ChainVerification finish() {
			Head head = this.head;
			if (this.broken != null) {
				return new ChainVerification(false, this.count, this.broken.firstBrokenEntry(), this.broken.reason());
			}
			if (head.lastSeq() != this.expectedSeq - 1 || !head.lastHash().equals(this.previousHash)) {
				return ChainVerification.broken(this.count, this.expectedSeq,
						"the chain ends before its recorded head (entry " + head.lastSeq() + ")");
			}
			return ChainVerification.intact(this.count);
		}

	}

}
