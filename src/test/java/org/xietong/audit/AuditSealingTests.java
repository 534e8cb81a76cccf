package org.xietong.audit;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xietong.shared.ServerKey;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appending takes no lock another change needs; the sealer chains what committed shortly
 * after, one sealer at a time across instances, and signs each head it reaches: a head
 * kept by anyone still checks later, unless the history before it was rewritten.
 */
@PlatformTest
class AuditSealingTests {

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditSealer sealer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ServerKey key;

	@Autowired
	Clock clock;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@AfterEach
	void resumeSealing() {
		this.sealer.resume();
	}

	@Test
	void anEntryIsWrittenWhileAnotherChangesEntryIsUncommitted() throws Exception {
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService threads = Executors.newSingleThreadExecutor();
		try {
			Future<?> holding = threads.submit(() -> transaction.executeWithoutResult(status -> {
				this.trail.record(AuditEvent.of("TEST_EVENT", "Thing", "long change"));
				written.countDown();
				await(release);
			}));
			assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
			long started = System.nanoTime();
			AuditEntry other = transaction
				.execute(status -> this.trail.record(AuditEvent.of("TEST_EVENT", "Thing", "short change")));
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			release.countDown();
			holding.get(10, TimeUnit.SECONDS);

			assertThat(millis).as("the second change waited for the first to commit").isLessThan(2000);
			assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entries WHERE id = :id")
				.param("id", other.id())
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		finally {
			release.countDown();
			threads.shutdownNow();
		}
	}

	@Test
	void aRolledBackChangeLeavesNoEntryAndTheChainWhole() {
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		long[] id = new long[1];
		transaction.executeWithoutResult(status -> {
			id[0] = this.trail.record(AuditEvent.of("TEST_EVENT", "Thing", "rolled back")).id();
			status.setRollbackOnly();
		});
		this.trail.record(AuditEvent.of("TEST_EVENT", "Thing", "after the gap"));
		this.sealer.seal();

		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entries WHERE id = :id")
			.param("id", id[0])
			.query(Long.class)
			.single()).isZero();
		ChainVerification verification = this.trail.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.unsealed()).isZero();
	}

	@Test
	void verifyingWhileChangesCommitNeverTakesAFreshEntryForAMissingOne() throws Exception {
		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> writers = IntStream.range(0, 4).mapToObj(w -> threads.submit(() -> {
				int i = 0;
				while (writing.get()) {
					this.trail.record(AuditEvent.of("TEST_EVENT", "Thing", "racing " + w + "-" + i++));
				}
			})).collect(java.util.stream.Collectors.toList());
			for (int i = 0; i < 15; i++) {
				ChainVerification verification = this.trail.verify();
				assertThat(verification.intact()).as(verification.reason()).isTrue();
			}
			writing.set(false);
			for (Future<?> writer : writers) {
				writer.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			writing.set(false);
			threads.shutdownNow();
		}
	}

	@Test
	void theBackgroundSealerSealsACommittedEntryWithinTwoSeconds() throws InterruptedException {
		AuditEntry entry = this.trail.record(AuditEvent.of("TEST_EVENT", "Thing", "sealed soon"));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
		Long seq = null;
		while (seq == null && System.nanoTime() < deadline) {
			Thread.sleep(50);
			seq = this.jdbc.sql("SELECT seq FROM audit_entries WHERE id = :id")
				.param("id", entry.id())
				.query(Long.class)
				.optional()
				.orElse(null);
		}
		assertThat(seq).as("sealed by the background sealer within 2 s").isNotNull();
		assertThat(this.trail.sealing().sealedThrough()).isGreaterThanOrEqualTo(seq);
	}

	@Test
	void twoSealersAtOnceMakeOneChain() throws Exception {
		this.sealer.pause();
		AuditSealer other = new AuditSealer(this.dataSource, this.transactions, this.key, this.clock,
				new AuditWitness(this.jdbc), Duration.ofMillis(200), false);
		long before = this.trail.sealing().sealedThrough();
		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			List<Future<Integer>> sealers = new ArrayList<>();
			for (AuditSealer each : List.of(this.sealer, other, this.sealer, other)) {
				sealers.add(threads.submit(() -> {
					int sealed = 0;
					while (writing.get()) {
						sealed += each.seal();
					}
					return sealed;
				}));
			}
			List<Future<?>> writers = IntStream.range(0, 2)
				.mapToObj(w -> threads.submit(() -> IntStream.range(0, 100)
					.forEach(i -> this.trail.record(AuditEvent.of("TEST_EVENT", "Thing", "w" + w + "-" + i)))))
				.collect(java.util.stream.Collectors.toList());
			for (Future<?> writer : writers) {
				writer.get(60, TimeUnit.SECONDS);
			}
			writing.set(false);
			for (Future<Integer> each : sealers) {
				each.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			writing.set(false);
			threads.shutdownNow();
		}
		other.seal();

		ChainVerification verification = this.trail.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.unsealed()).isZero();
		assertThat(verification.sealedThrough()).isGreaterThanOrEqualTo(before + 200);
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entries WHERE seq > :before")
			.param("before", before)
			.query(Long.class)
			.single()).isEqualTo(verification.sealedThrough() - before);
	}

	@Test
	void entriesCommittedBeforeACrashAreSealedAfterTheRestart() {
		this.sealer.pause();
		List<AuditEntry> committed = this.trail.recordAll(IntStream.range(0, 20)
			.mapToObj(i -> AuditEvent.of("TEST_EVENT", "Thing", "before the crash " + i))
			.toList());
		assertThat(this.trail.sealing().unsealed()).isGreaterThanOrEqualTo(20);

		// The instance dies with its sealer and its witness; a new one starts on the same
		// database.
		AuditSealer restarted = new AuditSealer(this.dataSource, this.transactions, this.key, this.clock,
				new AuditWitness(this.jdbc), Duration.ofMillis(200), false);
		restarted.seal();

		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entries WHERE id IN (:ids) AND seq IS NOT NULL")
			.param("ids", committed.stream().map(AuditEntry::id).toList())
			.query(Long.class)
			.single()).isEqualTo(20);
		ChainVerification verification = this.trail.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.unsealed()).isZero();
	}

	@Test
	void aHeadSignedEarlierStillChecksAfterAThousandMoreEntries() throws Exception {
		this.trail.record(AuditEvent.of("TEST_EVENT", "Thing", "before the head"));
		this.sealer.seal();
		Response kept = this.api.get("/api/v1/verify/audit-head", null);
		assertThat(kept.status()).isEqualTo(200);
		JsonNode head = kept.json();
		assertThat(signatureChecks(head)).isTrue();

		this.trail.recordAll(IntStream.range(0, 1000)
			.mapToObj(i -> AuditEvent.of("TEST_EVENT", "Thing", "after the head " + i))
			.toList());
		this.sealer.seal();

		JsonNode latest = this.api.get("/api/v1/verify/audit-head", null).json();
		assertThat(latest.get("seq").asLong()).isGreaterThanOrEqualTo(head.get("seq").asLong() + 1000);
		assertThat(signatureChecks(latest)).isTrue();
		JsonNode check = this.api
			.get("/api/v1/audit/verify?seq=" + head.get("seq").asLong() + "&hash=" + head.get("hash").asString(),
					this.api.token("auditor"))
			.json();
		assertThat(check.get("intact").asBoolean()).isTrue();
		assertThat(check.get("head").get("matches").asBoolean()).isTrue();
		assertThat(this.api.get("/api/v1/verify/audit-head?seq=" + head.get("seq").asLong(), null).json())
			.isEqualTo(head);
	}

	@Test
	void aHistoryRewrittenWithoutTheKeyNoLongerMatchesItsSignedHeads() {
		this.trail.record(AuditEvent.of("TEST_EVENT", "Thing", "to be rewritten").after("true"));
		this.sealer.seal();
		this.sealer.pause();
		AuditHead head = this.trail.latestHead().orElseThrow();
		long from = head.seq();
		Map<String, Object> original = this.jdbc.sql("SELECT * FROM audit_entries WHERE seq = :seq")
			.param("seq", from)
			.query()
			.singleRow();
		Map<String, Object> originalHead = this.jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head")
			.query()
			.singleRow();
		// Whoever rewrites an entry and every hash after it, and the head, leaves a chain
		// whose links all hold: only a head signed earlier shows it.
		AuditEntry entry = this.jdbc.sql("SELECT * FROM audit_entries WHERE seq = :seq")
			.param("seq", from)
			.query(AuditTrail::map)
			.single();
		AuditEntry forged = new AuditEntry(entry.id(), null, entry.occurredAt(), entry.actor(), entry.actorRole(),
				entry.organizationId(), entry.clientAddress(), entry.action(), entry.subjectType(), entry.subjectId(),
				entry.before(), "false", null, null, null)
			.chained(from, entry.prevHash());
		this.jdbc.sql("UPDATE audit_entries SET after_summary = 'false', hash = :hash, mac = NULL WHERE seq = :seq")
			.param("hash", forged.hash())
			.param("seq", from)
			.update();
		this.jdbc.sql("UPDATE audit_chain_head SET last_hash = :hash").param("hash", forged.hash()).update();
		try {
			ChainVerification verification = this.trail.verify(head.seq(), head.hash());
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenEntry()).isEqualTo(from);
			assertThat(verification.reason()).contains("signed");
			assertThat(verification.head().matches()).isFalse();
		}
		finally {
			this.jdbc.sql("UPDATE audit_entries SET after_summary = :after, hash = :hash, mac = :mac WHERE seq = :seq")
				.param("after", original.get("after_summary"))
				.param("hash", original.get("hash"))
				.param("mac", original.get("mac"))
				.param("seq", from)
				.update();
			this.jdbc.sql("UPDATE audit_chain_head SET last_hash = :hash")
				.param("hash", originalHead.get("last_hash"))
				.update();
		}
		assertThat(this.trail.verify().intact()).isTrue();
	}

	@Test
	void theHeadIsPublicAndTheSealingStateIsTheAuditors() {
		this.trail.record(AuditEvent.of("TEST_EVENT", "Thing", "public head"));
		this.sealer.seal();

		assertThat(this.api.get("/api/v1/verify/audit-head", null).status()).isEqualTo(200);
		Response sealing = this.api.get("/api/v1/audit/sealing", this.api.token("auditor"));
		assertThat(sealing.status()).isEqualTo(200);
		assertThat(sealing.json().get("sealedThrough").asLong()).isPositive();
		assertThat(sealing.json().get("lagMillis").asLong()).isGreaterThanOrEqualTo(0);
		assertThat(this.api.get("/api/v1/audit/sealing", this.api.token("dept")).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/audit/sealing", null).status()).isEqualTo(401);
	}

	@Test
	void hostileHeadQueriesAreRefusedWithAProblem() {
		String auditor = this.api.token("auditor");

		assertThat(this.api.get("/api/v1/verify/audit-head?seq=abc", null).status()).isEqualTo(400);
		Response unknown = this.api.get("/api/v1/verify/audit-head?seq=999999999999", null);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("NOT_FOUND");
		assertThat(this.api.get("/api/v1/audit/verify?seq=1&hash=%00zz", auditor).status()).isEqualTo(400);
		Response badHash = this.api.get("/api/v1/audit/verify?seq=1&hash=" + "z".repeat(64), auditor);
		assertThat(badHash.status()).isEqualTo(422);
		assertThat(badHash.json().get("errors").get(0).get("field").asString()).isEqualTo("hash");
		Response noSeq = this.api.get("/api/v1/audit/verify?hash=" + "a".repeat(64), auditor);
		assertThat(noSeq.status()).isEqualTo(422);
		assertThat(noSeq.json().get("errors").get(0).get("field").asString()).isEqualTo("seq");
		assertThat(this.api.get("/api/v1/audit/verify?seq=1&hash=" + "a".repeat(5000), auditor).status())
			.isEqualTo(422);
	}

	private boolean signatureChecks(JsonNode head) throws Exception {
		String pem = this.api.get("/api/v1/verify/key", null).body();
		byte[] der = Base64.getMimeDecoder()
			.decode(pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "").trim());
		PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
		Signature signature = Signature.getInstance("Ed25519");
		signature.initVerify(publicKey);
		signature.update(
				String
					.join("\n", "xietong-audit-head-v1", head.get("seq").asString(), head.get("hash").asString(),
							head.get("sealedAt").asString())
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return signature.verify(Base64.getDecoder().decode(head.get("signature").asString()));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
