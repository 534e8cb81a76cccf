package org.xietong.audit;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xietong.shared.ServerKey;

/**
 * Chains committed entries, shortly after they commit, and signs each new head: the only
 * writer of the chain's head, so that no audited change waits for another. One sealer at
 * a time across instances (a PostgreSQL advisory lock, then the head's row lock); the
 * others skip their turn. Each pass takes the committed entries not yet sealed, in the
 * order of their ids, and places them after the head: an entry committed later, or by a
 * transaction that began earlier, joins a later pass. The chain's order is the order of
 * sealing, fixed once sealed, and a rolled-back change's number is never seen. Runs on
 * its own thread, so that no other scheduled work delays it.
 */
@Component
class AuditSealer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

	/** The advisory lock's key: "xtauditS" in ASCII. */
	static final long LOCK = 0x7874_6175_6469_7453L;

	/** At most this many entries a pass: a publication's thirty thousand take a few. */
	static final int PASS = 5000;

	/** A promise is checked once it is this old: sealed by then, under normal load. */
	private static final Duration WITNESS_AGE = Duration.ofSeconds(2);

	private final DataSource dataSource;

	/** Where sealing runs: the application's pool, or once started its own connection. */
	private volatile JdbcTemplate jdbc;

	private volatile TransactionTemplate transaction;

	private HikariDataSource own;

	private final ServerKey key;

	private final Clock clock;

	private final AuditWitness witness;

	private final Duration interval;

	private final boolean enabled;

	private ScheduledExecutorService executor;

	private final Object turn = new Object();

	private volatile boolean paused;

	private volatile long lastSigned = -1;

	AuditSealer(DataSource dataSource, PlatformTransactionManager transactions, ServerKey key, Clock clock,
			AuditWitness witness, @Value("${xietong.audit.seal-interval:PT0.2S}") Duration interval,
			@Value("${xietong.audit.sealing:true}") boolean enabled) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(transactions);
		this.key = key;
		this.clock = clock;
		this.witness = witness;
		this.interval = interval;
		this.enabled = enabled;
	}

	/**
	 * Seals what is committed and not yet sealed, pass after pass; answers how many
	 * entries this instance sealed (none when another instance holds the turn).
	 */
	int seal() {
		int total = 0;
		int sealed;
		do {
			sealed = pass();
			total += sealed;
		}
		while (sealed == PASS);
		return total;
	}

	private int pass() {
		Integer sealed = this.transaction.execute(status -> {
			if (!Boolean.TRUE
				.equals(this.jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
				return 0;
			}
			Head head = this.jdbc.queryForObject(
					"SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE",
					(rs, n) -> new Head(rs.getLong(1), rs.getString(2)));
			List<AuditEntry> entries = this.jdbc
				.query("SELECT * FROM audit_entries WHERE seq IS NULL ORDER BY id LIMIT " + PASS, AuditTrail::map);
			if (entries.isEmpty()) {
				signIfUnsigned(head);
				return 0;
			}
			List<AuditEntry> chained = new ArrayList<>(entries.size());
			long seq = head.seq();
			String previous = head.hash();
			for (AuditEntry entry : entries) {
				AuditEntry placed = entry.chained(++seq, previous);
				chained.add(placed);
				previous = placed.hash();
			}
			int updated = place(chained);
			if (updated != chained.size()) {
				throw new IllegalStateException("sealed " + updated + " of " + chained.size() + " entries");
			}
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			this.jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ?, sealed_at = ? WHERE id = 1", seq,
					previous, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
			sign(new Head(seq, previous), now);
			return chained.size();
		});
		return (sealed == null) ? 0 : sealed;
	}

	private int place(List<AuditEntry> chained) {
		Long[] ids = new Long[chained.size()];
		Long[] seqs = new Long[chained.size()];
		String[] previous = new String[chained.size()];
		String[] hashes = new String[chained.size()];
		for (int i = 0; i < chained.size(); i++) {
			AuditEntry entry = chained.get(i);
			ids[i] = entry.id();
			seqs[i] = entry.seq();
			previous[i] = entry.prevHash();
			hashes[i] = entry.hash();
		}
		return this.jdbc.update(connection -> {
			PreparedStatement statement = connection.prepareStatement("""
					UPDATE audit_entries e SET seq = v.seq, prev_hash = v.prev, hash = v.hash
					FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) AS v(id, seq, prev, hash)
					WHERE e.id = v.id AND e.seq IS NULL""");
			Array[] arrays = { connection.createArrayOf("bigint", ids), connection.createArrayOf("bigint", seqs),
					connection.createArrayOf("text", previous), connection.createArrayOf("text", hashes) };
			for (int i = 0; i < arrays.length; i++) {
				statement.setArray(i + 1, arrays[i]);
			}
			return statement;
		});
	}

	/**
	 * Signs the head found when none of its heads is signed yet: the first pass after an
	 * upgrade.
	 */
	private void signIfUnsigned(Head head) {
		if (head.seq() == 0 || head.seq() == this.lastSigned) {
			return;
		}
		Integer signed = this.jdbc.queryForObject("SELECT count(*) FROM audit_heads WHERE seq = ?", Integer.class,
				head.seq());
		if (signed == null || signed == 0) {
			sign(head, this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		}
		this.lastSigned = head.seq();
	}

	private void sign(Head head, Instant now) {
		String sealedAt = OffsetDateTime.ofInstant(now, this.clock.getZone())
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		String signature = this.key.sign(AuditHead.signedText(head.seq(), head.hash(), sealedAt));
		this.jdbc.update("""
				INSERT INTO audit_heads (seq, hash, sealed_at, sealed_at_text, key_id, signature)
				VALUES (?, ?, ?, ?, ?, ?)""", head.seq(), head.hash(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
				sealedAt, this.key.keyId(), signature);
		this.lastSigned = head.seq();
	}

	private void tick() {
		synchronized (this.turn) {
			if (this.paused) {
				return;
			}
			try {
				seal();
				this.witness.check(WITNESS_AGE, this.jdbc);
			}
			catch (RuntimeException ex) {
				log.warn("Audit sealing failed; trying again in {}", this.interval, ex);
			}
		}
	}

	/**
	 * Stops sealing on this instance, once its pass in progress is done, until
	 * {@link #resume()}: for tests of what waits to be sealed.
	 */
	void pause() {
		synchronized (this.turn) {
			this.paused = true;
		}
	}

	void resume() {
		this.paused = false;
	}

	/**
	 * Starts sealing on a connection of its own, beside the application's pool: at a
	 * deadline every pooled connection has requests queued for it, and a sealer waiting
	 * its turn among them would let the lag grow with the queue.
	 */
	@Override
	public synchronized void start() {
		if (this.enabled && this.executor == null) {
			useOwnConnection();
			this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
				Thread thread = new Thread(runnable, "audit-sealer");
				thread.setDaemon(true);
				return thread;
			});
			long millis = Math.max(10, this.interval.toMillis());
			this.executor.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdown();
			try {
				this.executor.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.executor = null;
		}
		if (this.own != null) {
			this.own.close();
			this.own = null;
		}
	}

	private void useOwnConnection() {
		try {
			if (!this.dataSource.isWrapperFor(HikariDataSource.class)) {
				return;
			}
			HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
			HikariDataSource own = new HikariDataSource();
			own.setPoolName("audit-sealer");
			own.setJdbcUrl(pool.getJdbcUrl());
			own.setUsername(pool.getUsername());
			own.setPassword(pool.getPassword());
			own.setMaximumPoolSize(1);
			own.setMinimumIdle(1);
			own.setInitializationFailTimeout(-1);
			this.own = own;
			this.jdbc = new JdbcTemplate(own);
			this.transaction = new TransactionTemplate(new JdbcTransactionManager(own));
		}
		catch (SQLException ex) {
			log.warn("Audit sealing shares the application's pool: {}", ex.getMessage());
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	private record Head(long seq, String hash) {
	}

}
