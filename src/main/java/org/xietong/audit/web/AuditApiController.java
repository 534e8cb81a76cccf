package org.xietong.audit.web;

import java.time.Instant;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xietong.audit.AuditEntry;
import org.xietong.audit.AuditQuery;
import org.xietong.audit.AuditTrail;
import org.xietong.audit.ChainVerification;
import org.xietong.audit.SealingState;
import org.xietong.shared.DomainException;
import org.xietong.shared.PageResult;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('AUDIT_ADMIN')")
@Tag(name = "Audit trail")
class AuditApiController {

	private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");

	private final AuditTrail trail;

	AuditApiController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping
	@Operation(summary = "Entries, newest first: who, when, from where, what, before and after")
	PageResult<AuditEntry> list(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String action, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return this.trail.find(new AuditQuery(from, to, actor, subject, action), page, size);
	}

	@GetMapping("/verify")
	@Operation(summary = "Recompute the hash chain and check the entries not yet sealed; names the first entry that "
			+ "does not fit and says how far the chain is sealed (sealedThrough). With seq= and hash= (a head kept "
			+ "from GET /api/v1/verify/audit-head), also whether the chain still has that hash there")
	ChainVerification verify(@RequestParam(required = false) Long seq, @RequestParam(required = false) String hash) {
		if (seq == null && hash == null) {
			return this.trail.verify();
		}
		if (seq == null || seq < 1) {
			throw DomainException.invalid("seq", "REQUIRED", "a kept head's seq (1 or more) goes with its hash");
		}
		if (hash == null || !HASH.matcher(hash).matches()) {
			throw DomainException.invalid("hash", "INVALID", "a kept head's hash is 64 hexadecimal characters");
		}
		return this.trail.verify(seq, hash);
	}

	@GetMapping("/sealing")
	@Operation(summary = "How far sealing has come: the last sealed position, when, how many entries wait and how "
			+ "long the oldest has waited (lagMillis)")
	SealingState sealing() {
		return this.trail.sealing();
	}

}
