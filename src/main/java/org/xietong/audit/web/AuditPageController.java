package org.xietong.audit.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xietong.audit.AuditTrail;
import org.xietong.shared.web.Csv;

/**
 * The audit administrator's pages: the trail, filtered and paged, its export and its
 * check.
 */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('AUDIT_ADMIN')")
class AuditPageController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final AuditTrail trail;

	private final ZoneId zone;

	AuditPageController(AuditTrail trail, Clock clock) {
		this.trail = trail;
		this.zone = clock.getZone();
	}

	@GetMapping
	String list(AuditFilter filter, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("filter", filter);
		model.addAttribute("result", this.trail.find(filter.query(this.zone), Math.max(page, 0), 50));
		model.addAttribute("time", TIME.withZone(this.zone));
		model.addAttribute("sealing", this.trail.sealing());
		return "audit/list";
	}

	@GetMapping("/verify")
	String verify(Model model) {
		model.addAttribute("verification", this.trail.verify());
		model.addAttribute("sealing", this.trail.sealing());
		model.addAttribute("head", this.trail.latestHead().orElse(null));
		return "audit/verify";
	}

	@GetMapping("/export.csv")
	void export(AuditFilter filter, HttpServletResponse response) throws IOException {
		PrintWriter out = Csv.open(response, "audit.csv", "id", "seq", "time", "actor", "role", "organization",
				"client", "action", "subject_type", "subject_id", "before", "after", "hash");
		DateTimeFormatter time = TIME.withZone(this.zone);
		this.trail.forEach(filter.query(this.zone),
				e -> Csv.row(out, e.id(), e.seq(), time.format(e.occurredAt()), e.actor(), e.actorRole(),
						e.organizationId(), e.clientAddress(), e.action(), e.subjectType(), e.subjectId(), e.before(),
						e.after(), e.hash()));
		out.flush();
	}

}
