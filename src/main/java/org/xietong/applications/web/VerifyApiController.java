package org.xietong.applications.web;

import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xietong.applications.ReceiptService;
import org.xietong.applications.ReceiptVerification;
import org.xietong.audit.AuditHead;
import org.xietong.audit.AuditTrail;
import org.xietong.shared.DomainException;

@RestController
@Tag(name = "Verification")
class VerifyApiController {

	private final ReceiptService receipts;

	private final AuditTrail audit;

	VerifyApiController(ReceiptService receipts, AuditTrail audit) {
		this.receipts = receipts;
		this.audit = audit;
	}

	@GetMapping("/api/v1/verify/audit-head")
	@Operation(summary = "The audit trail's latest signed head (anyone): seq, hash, sealedAt, keyId and the Ed25519 "
			+ "signature over the lines xietong-audit-head-v1, seq, hash, sealedAt; with seq=, the head signed at "
			+ "that position. Keep one and ask later whether the chain still has that hash there")
	AuditHead auditHead(@RequestParam(required = false) Long seq) {
		Optional<AuditHead> head = (seq == null) ? this.audit.latestHead() : this.audit.head(seq);
		return head.orElseThrow(() -> DomainException.notFound("audit head"));
	}

	@GetMapping(path = "/api/v1/verify/key", produces = "application/x-pem-file")
	@Operation(summary = "The server's public key (Ed25519, PEM SubjectPublicKeyInfo), for checking receipt "
			+ "signatures offline; header X-Key-Id names it")
	ResponseEntity<String> key() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/x-pem-file"))
			.header("X-Key-Id", this.receipts.keyId())
			.body(this.receipts.publicKeyPem());
	}

	@GetMapping("/api/v1/verify/receipts/{number}")
	@Operation(summary = "Check a receipt (anyone): valid only with the digest it was issued for; then what it "
			+ "states (application number, time, title, leader, university, guide, enterprise). An unknown number "
			+ "or another digest answers valid: false and nothing more")
	ReceiptVerification receipt(@PathVariable String number, @RequestParam(required = false) String digest) {
		return this.receipts.verify(number, digest);
	}

}
