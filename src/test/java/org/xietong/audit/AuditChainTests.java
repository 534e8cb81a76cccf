package org.xietong.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trail is tamper-evident: whoever edits, deletes, inserts or reorders a row directly
 * in the database is found out by {@code verify}, which names the first entry that does
 * not fit, whether the sealer has chained it yet or not. Each test puts the rows back as
 * they were.
 */
@PlatformTest
class AuditChainTests {

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditSealer sealer;

	@Autowired
	JdbcClient jdbc;

	Api api;

	String auditor;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.auditor = this.api.token("auditor");
		for (int i = 0; i < 3; i++) {
			this.trail.record(AuditEvent.of("TEST_EVENT", "Thing", "t-" + i).after("state " + i));
		}
		this.sealer.seal();
	}

	@AfterEach
	void resumeSealing() {
		this.sealer.resume();
	}

	@Test
	void anUntouchedChainIsIntactAndSealedThroughItsHead() {
		Response verify = this.api.get("/api/v1/audit/verify", this.auditor);

		assertThat(verify.status()).isEqualTo(200);
		assertThat(verify.json().get("intact").asBoolean()).isTrue();
		assertThat(verify.json().get("sealedThrough").asLong()).isEqualTo(lastSeq());
		assertThat(verify.json().get("entries").asLong()).isGreaterThanOrEqualTo(lastSeq());
	}

	@Test
	void detectsAnEditedEntry() {
		long seq = lastSeq() - 1;
		String original = this.jdbc.sql("SELECT after_summary FROM audit_entries WHERE seq = :seq")
			.param("seq", seq)
			.query(String.class)
			.single();
		this.jdbc.sql("UPDATE audit_entries SET after_summary = 'forged' WHERE seq = :seq").param("seq", seq).update();
		try {
			Response verify = this.api.get("/api/v1/audit/verify", this.auditor);
			assertThat(verify.json().get("intact").asBoolean()).isFalse();
			assertThat(verify.json().get("firstBrokenEntry").asLong()).isEqualTo(seq);
		}
		finally {
			this.jdbc.sql("UPDATE audit_entries SET after_summary = :v WHERE seq = :seq")
				.param("v", original)
				.param("seq", seq)
				.update();
		}
		assertThat(this.trail.verify().intact()).isTrue();
	}

	@Test
	void detectsAnEditedActorOrTime() {
		long seq = lastSeq();
		String original = this.jdbc.sql("SELECT actor FROM audit_entries WHERE seq = :seq")
			.param("seq", seq)
			.query(String.class)
			.single();
		this.jdbc.sql("UPDATE audit_entries SET actor = 'someone-else' WHERE seq = :seq").param("seq", seq).update();
		try {
			ChainVerification verification = this.trail.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenEntry()).isEqualTo(seq);
		}
		finally {
			this.jdbc.sql("UPDATE audit_entries SET actor = :actor WHERE seq = :seq")
				.param("actor", original)
				.param("seq", seq)
				.update();
		}
		assertThat(this.trail.verify().intact()).isTrue();
	}

	@Test
	void detectsADeletedEntry() {
		assertDeletionFound(lastSeq() - 1);
	}

	@Test
	void detectsTheLastEntryDeleted() {
		assertDeletionFound(lastSeq());
	}

	private void assertDeletionFound(long seq) {
		Map<String, Object> row = row("seq", seq);
		this.sealer.pause();
		this.jdbc.sql("DELETE FROM audit_entries WHERE seq = :seq").param("seq", seq).update();
		try {
			ChainVerification verification = this.trail.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenEntry()).isEqualTo(seq);
		}
		finally {
			restore(row);
		}
		assertThat(this.trail.verify().intact()).isTrue();
	}

	@Test
	void detectsAnInsertedEntry() {
		this.sealer.pause();
		long seq = lastSeq() + 1;
		String head = this.jdbc.sql("SELECT last_hash FROM audit_chain_head").query(String.class).single();
		this.jdbc.sql("""
				INSERT INTO audit_entries (seq, occurred_at, actor, action, prev_hash, hash)
				VALUES (:seq, CURRENT_TIMESTAMP, 'intruder', 'USER_CREATED', :prev, :hash)""")
			.param("seq", seq)
			.param("prev", head)
			.param("hash", "f".repeat(64))
			.update();
		try {
			ChainVerification verification = this.trail.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenEntry()).isEqualTo(seq);
		}
		finally {
			this.jdbc.sql("DELETE FROM audit_entries WHERE seq = :seq").param("seq", seq).update();
		}
		assertThat(this.trail.verify().intact()).isTrue();
	}

	@Test
	void detectsTwoEntriesSwapped() {
		long first = lastSeq() - 1;
		this.sealer.pause();
		swap("seq", first, first + 1);
		try {
			ChainVerification verification = this.trail.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenEntry()).isEqualTo(first);
		}
		finally {
			swap("seq", first, first + 1);
		}
		assertThat(this.trail.verify().intact()).isTrue();
	}

	@Test
	void anEntryNotYetSealedThatIsEditedIsFound() {
		this.sealer.pause();
		AuditEntry entry = this.trail.record(AuditEvent.of("TEST_EVENT", "Thing", "unsealed").after("as written"));
		this.jdbc.sql("UPDATE audit_entries SET after_summary = 'forged' WHERE id = :id")
			.param("id", entry.id())
			.update();
		try {
			ChainVerification verification = this.trail.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenEntry()).isNull();
			assertThat(verification.brokenEntryId()).isEqualTo(entry.id());
			assertThat(verification.unsealed()).isGreaterThanOrEqualTo(1);
		}
		finally {
			this.jdbc.sql("UPDATE audit_entries SET after_summary = 'as written' WHERE id = :id")
				.param("id", entry.id())
				.update();
		}
		assertThat(this.trail.verify().intact()).isTrue();
	}

	@Test
	void anEntryNotYetSealedThatIsDeletedIsFound() {
		this.sealer.pause();
		AuditEntry entry = this.trail.record(AuditEvent.of("TEST_EVENT", "Thing", "unsealed").after("as written"));
		Map<String, Object> row = row("id", entry.id());
		this.jdbc.sql("DELETE FROM audit_entries WHERE id = :id").param("id", entry.id()).update();
		try {
			ChainVerification verification = this.trail.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.brokenEntryId()).isEqualTo(entry.id());
			assertThat(verification.reason()).contains("missing");
		}
		finally {
			restore(row);
		}
		assertThat(this.trail.verify().intact()).isTrue();
	}

	@Test
	void anEntryNotYetSealedThatIsInsertedIsFound() {
		this.sealer.pause();
		long id = this.jdbc.sql("""
				INSERT INTO audit_entries (occurred_at, actor, action, mac)
				VALUES (CURRENT_TIMESTAMP, 'intruder', 'USER_CREATED', :mac) RETURNING id""")
			.param("mac", "f".repeat(64))
			.query(Long.class)
			.single();
		try {
			ChainVerification verification = this.trail.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.brokenEntryId()).isEqualTo(id);
		}
		finally {
			this.jdbc.sql("DELETE FROM audit_entries WHERE id = :id").param("id", id).update();
		}
		assertThat(this.trail.verify().intact()).isTrue();
	}

	@Test
	void entriesNotYetSealedThatAreReorderedAreFound() {
		this.sealer.pause();
		List<AuditEntry> entries = this.trail.recordAll(
				List.of(AuditEvent.of("TEST_EVENT", "Thing", "first"), AuditEvent.of("TEST_EVENT", "Thing", "second")));
		long first = entries.get(0).id();
		swap("id", first, entries.get(1).id());
		try {
			ChainVerification verification = this.trail.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.brokenEntryId()).isEqualTo(first);
		}
		finally {
			swap("id", first, entries.get(1).id());
		}
		assertThat(this.trail.verify().intact()).isTrue();
	}

	@Test
	void theTrailIsFilteredByActorAndPaged() {
		Response page = this.api.get("/api/v1/audit?subject=Thing&action=TEST_EVENT&size=2", this.auditor);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().get("items").size()).isEqualTo(2);
		assertThat(page.json().get("size").asInt()).isEqualTo(2);
		assertThat(page.json().get("total").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(page.json().get("items").get(0).get("action").asString()).isEqualTo("TEST_EVENT");
		assertThat(page.json().get("items").get(0).get("actor").asString()).isEqualTo("system");
	}

	@Test
	void anOversizedPageIsRefused() {
		Response refused = this.api.get("/api/v1/audit?size=500", this.auditor);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
	}

	private long lastSeq() {
		return this.jdbc.sql("SELECT last_seq FROM audit_chain_head").query(Long.class).single();
	}

	private Map<String, Object> row(String column, long value) {
		return this.jdbc.sql("SELECT * FROM audit_entries WHERE " + column + " = :v")
			.param("v", value)
			.query()
			.singleRow();
	}

	private void restore(Map<String, Object> row) {
		this.jdbc.sql("""
				INSERT INTO audit_entries (id, seq, occurred_at, actor, actor_role, organization_id, client_address,
				  action, subject_type, subject_id, before_summary, after_summary, prev_hash, hash, mac)
				VALUES (:id, :seq, :occurred_at, :actor, :actor_role, :organization_id, :client_address, :action,
				  :subject_type, :subject_id, :before_summary, :after_summary, :prev_hash, :hash, :mac)""")
			.params(row)
			.update();
	}

	/** Swaps two rows' {@code column} (seq or id), through a value no row has. */
	private void swap(String column, long a, long b) {
		String sql = "UPDATE audit_entries SET " + column + " = :to WHERE " + column + " = :from";
		this.jdbc.sql(sql).param("from", a).param("to", -1L).update();
		this.jdbc.sql(sql).param("from", b).param("to", a).update();
		this.jdbc.sql(sql).param("from", -1L).param("to", b).update();
	}

}
