package org.xietong.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What this instance saw committed, until it is sealed: a deleted or edited entry that
 * the chain cannot show yet (nothing links to an entry before it is sealed, and a
 * rolled-back change leaves the same gap in the numbers as a deleted entry) is found
 * here, as Certificate Transparency's monitors hold a log to the entries it promised.
 * Kept in memory: a restart forgets the promises, not the entries, which are sealed as
 * usual.
 */
@Component
class AuditWitness {

	private static final Logger log = LoggerFactory.getLogger(AuditWitness.class);

	/** Beyond this many promises not yet sealed, the newest are not kept. */
	private static final int LIMIT = 1_000_000;

	private final JdbcClient jdbc;

	private final Map<Long, Promise> pending = new ConcurrentHashMap<>();

	private final ConcurrentSkipListMap<Long, String> broken = new ConcurrentSkipListMap<>();

	AuditWitness(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Remembers {@code entries} once (and only if) their transaction commits. */
	void promise(List<AuditEntry> entries) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			keep(entries);
			return;
		}
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Committing committing && committing.witness == this) {
				committing.entries.addAll(entries);
				return;
			}
		}
		Committing committing = new Committing(this);
		committing.entries.addAll(entries);
		TransactionSynchronizationManager.registerSynchronization(committing);
	}

	private void keep(List<AuditEntry> entries) {
		long now = System.nanoTime();
		for (AuditEntry entry : entries) {
			if (this.pending.size() >= LIMIT) {
				log.warn("Audit witness holds {} entries not yet sealed; not watching more until sealing catches up",
						LIMIT);
				return;
			}
			this.pending.put(entry.id(), new Promise(entry.mac(), now));
		}
	}

	/**
	 * Looks up the promises committed at least {@code age} ago, and the entries found
	 * broken before: a sealed entry with its MAC is done with; a missing or altered one
	 * is broken until it is back as it was.
	 */
	void check(Duration age, JdbcTemplate template) {
		check(System.nanoTime() - age.toNanos(), JdbcClient.create(template));
	}

	/**
	 * Looks up the promises committed before {@code nanoTime}
	 * ({@link System#nanoTime()}): inside a snapshot taken after that moment, each of
	 * them is visible, so that none committed since is taken for missing.
	 */
	void checkCommittedBefore(long nanoTime) {
		check(nanoTime, this.jdbc);
	}

	private void check(long cutoff, JdbcClient jdbc) {
		Map<Long, String> due = new HashMap<>();
		this.pending.forEach((id, promise) -> {
			if (promise.committedAt() - cutoff <= 0) {
				due.put(id, promise.mac());
			}
		});
		this.broken.keySet().forEach(id -> {
			Promise promise = this.pending.get(id);
			if (promise != null) {
				due.put(id, promise.mac());
			}
		});
		List<Long> ids = new ArrayList<>(due.keySet());
		for (int from = 0; from < ids.size(); from += 1000) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
			Map<Long, Stored> stored = new HashMap<>();
			jdbc.sql("SELECT id, mac, seq IS NOT NULL AS sealed FROM audit_entries WHERE id IN (:ids)")
				.param("ids", chunk)
				.query((rs, n) -> stored.put(rs.getLong("id"),
						new Stored(rs.getString("mac"), rs.getBoolean("sealed"))))
				.list();
			for (Long id : chunk) {
				judge(id, due.get(id), stored.get(id));
			}
		}
	}

	private void judge(long id, String mac, Stored stored) {
		if (stored == null || !mac.equals(stored.mac())) {
			String reason = (stored == null) ? "entry id " + id + " was committed but is missing"
					: "entry id " + id + " differs from what was committed";
			if (this.broken.put(id, reason) == null) {
				log.error("Audit trail tampered with: {}", reason);
			}
			return;
		}
		this.broken.remove(id);
		if (stored.sealed()) {
			this.pending.remove(id);
		}
	}

	/** The first entry found broken, by id, with why; {@code null} when none. */
	Map.Entry<Long, String> firstBroken() {
		return this.broken.firstEntry();
	}

	private record Promise(String mac, long committedAt) {
	}

	private record Stored(String mac, boolean sealed) {
	}

	private static final class Committing implements TransactionSynchronization {

		private final AuditWitness witness;

		private final List<AuditEntry> entries = new ArrayList<>();

		Committing(AuditWitness witness) {
			this.witness = witness;
		}

		@Override
		public void afterCommit() {
			this.witness.keep(this.entries);
		}

	}

}
