package org.xietong.applications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xietong.shared.ServerKey;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues and checks the receipts of submissions: the exact content submitted is written
 * as canonical JSON, hashed with SHA-256, and the number, time and hash are signed with
 * the server's key.
 */
@Component
class ReceiptBook {

	static final String SIGNED_PREFIX = "xietong-receipt-v1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final JdbcClient jdbc;

	private final ServerKey key;

	ReceiptBook(JdbcClient jdbc, ServerKey key) {
		this.jdbc = jdbc;
		this.key = key;
	}

	/** Issues the receipt of the application's latest submission. */
	@Transactional
	Receipt issue(Application application, List<AttachmentView> attachments, ZoneId zone) {
		String number = application.number() + "-" + application.submissionCount();
		Instant at = application.submittedAt();
		String content = canonical(application, attachments, at, zone);
		String digest = sha256(content);
		String signedText = signedText(number, at, zone, digest);
		String signature = this.key.sign(signedText);
		this.jdbc
			.sql("""
					INSERT INTO application_receipts (receipt_number, application_id, submitted_at, digest, signature, key_id,
					  content)
					VALUES (:number, :application, :at, :digest, :signature, :key, :content)""")
			.param("number", number)
			.param("application", application.id())
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("digest", digest)
			.param("signature", signature)
			.param("key", this.key.keyId())
			.param("content", content)
			.update();
		return new Receipt(number, application.id(), application.number(), at, digest, signature, ServerKey.ALGORITHM,
				this.key.keyId(), signedText, content);
	}

	/** The batch of the application a receipt belongs to. */
	@Transactional(readOnly = true)
	Optional<UUID> batchOf(String number) {
		if (number == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT a.batch_id FROM application_receipts r JOIN applications a ON a.id = r.application_id
				WHERE r.receipt_number = :number""").param("number", number.trim()).query(UUID.class).optional();
	}

	/** The receipt of the application's latest submission. */
	@Transactional(readOnly = true)
	Optional<Receipt> latest(UUID applicationId, ZoneId zone) {
		return this.jdbc
			.sql("""
					SELECT r.*, a.application_number FROM application_receipts r JOIN applications a ON a.id = r.application_id
					WHERE r.application_id = :id ORDER BY r.submitted_at DESC, r.receipt_number DESC FETCH FIRST 1 ROWS ONLY""")
			.param("id", applicationId)
			.query((rs, n) -> receipt(rs, zone))
			.optional();
	}

	/**
	 * Checks a receipt: valid only when the number is known, the digest is the one it was
	 * issued for (compared whole, case-insensitively), and the stored content still
	 * hashes to it under an intact signature.
	 */
	@Transactional(readOnly = true)
	ReceiptVerification verify(String number, String digest, ZoneId zone) {
		if (number == null || digest == null) {
			return ReceiptVerification.invalid(number);
		}
		record Row(Receipt receipt, String title, String leader, String university, String guide, String enterprise) {
		}
		Optional<Row> found = this.jdbc.sql("""
				SELECT r.*, a.application_number, a.title, a.leader_name, a.university_name, a.guide_title,
				  a.enterprise_name
				FROM application_receipts r JOIN applications a ON a.id = r.application_id
				WHERE r.receipt_number = :number""")
			.param("number", number.trim())
			.query((rs, n) -> new Row(receipt(rs, zone), rs.getString("title"), rs.getString("leader_name"),
					rs.getString("university_name"), rs.getString("guide_title"), rs.getString("enterprise_name")))
			.optional();
		if (found.isEmpty()) {
			return ReceiptVerification.invalid(number);
		}
		Receipt receipt = found.get().receipt();
		boolean valid = MessageDigest.isEqual(receipt.digest().getBytes(StandardCharsets.US_ASCII),
				digest.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))
				&& sha256(receipt.content()).equals(receipt.digest())
				&& this.key.verifies(receipt.signedText(), receipt.signature());
		if (!valid) {
			return ReceiptVerification.invalid(number);
		}
		Row row = found.get();
		return new ReceiptVerification(true, receipt.number(), receipt.applicationNumber(), receipt.submittedAt(),
				receipt.digest(), row.title(), row.leader(), row.university(), row.guide(), row.enterprise());
	}

	private Receipt receipt(java.sql.ResultSet rs, ZoneId zone) throws java.sql.SQLException {
		String number = rs.getString("receipt_number");
		Instant at = rs.getObject("submitted_at", OffsetDateTime.class).toInstant();
		String digest = rs.getString("digest");
		return new Receipt(number, rs.getObject("application_id", UUID.class), rs.getString("application_number"), at,
				digest, rs.getString("signature"), ServerKey.ALGORITHM, rs.getString("key_id"),
				signedText(number, at, zone, digest), rs.getString("content"));
	}

	static String signedText(String number, Instant at, ZoneId zone, String digest) {
		return SIGNED_PREFIX + "\n" + number + "\n" + TIME.format(at.atZone(zone).toOffsetDateTime()) + "\n" + digest;
	}

	/**
	 * Exactly what was submitted, in a fixed order: the numbers, the guide, the leader,
	 * every field, the team, the budget and each attachment's kind, name, size and
	 * SHA-256.
	 */
	static String canonical(Application application, List<AttachmentView> attachments, Instant at, ZoneId zone) {
		ApplicationView view = application.view(attachments);
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("applicationNumber", view.number());
		content.put("submission", view.submissionCount());
		content.put("submittedAt", TIME.format(at.atZone(zone).toOffsetDateTime()));
		content.put("batchId", view.batchId().toString());
		content.put("guideId", view.guideId().toString());
		content.put("guideTitle", view.guideTitle());
		content.put("enterprise", view.enterpriseName());
		content.put("leaderId", view.leaderId().toString());
		content.put("leader", view.leaderName());
		content.put("university", view.universityName());
		content.put("title", view.title());
		content.put("summary", view.summary());
		content.put("plan", view.plan());
		content.put("expectedOutcomes", view.expectedOutcomes());
		content.put("team", view.team().stream().map(member -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("name", member.name());
			m.put("title", member.title());
			m.put("organization", member.organization());
			m.put("role", member.role());
			return m;
		}).toList());
		content.put("budget", view.budget().stream().map(line -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("category", line.category());
			m.put("amount", line.amount().toString());
			return m;
		}).toList());
		content.put("budgetTotal", view.budgetTotal().toString());
		content.put("attachments", attachments.stream().map(file -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("kind", file.kind().name());
			m.put("name", file.name());
			m.put("size", file.size());
			m.put("sha256", file.sha256());
			return m;
		}).toList());
		return JSON.writeValueAsString(content);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
