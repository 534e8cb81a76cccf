package org.xietong.audit.web;

import java.time.Instant;

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
import org.xietong.shared.PageResult;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('AUDIT_ADMIN')")
@Tag(name = "Audit trail")
class AuditApiController {

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
	@Operation(summary = "Recompute the hash chain; names the first entry that does not fit")
	ChainVerification verify() {
		return this.trail.verify();
	}

}
