package org.xietong.audit.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xietong.audit.AuditEntry;
import org.xietong.audit.AuditQuery;
import org.xietong.audit.AuditTrail;

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
		return "audit/list";
	}

	@GetMapping("/verify")
	String verify(Model model) {
		model.addAttribute("verification", this.trail.verify());
		return "audit/verify";
	}

	@GetMapping("/export.csv")
	void export(AuditFilter filter, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
		PrintWriter out = new PrintWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		out.write('\uFEFF');
		out.println("seq,time,actor,role,organization,client,action,subject_type,subject_id,before,after,hash");
		DateTimeFormatter time = TIME.withZone(this.zone);
		this.trail.forEach(filter.query(this.zone), entry -> out.println(csv(entry, time)));
		out.flush();
	}

	private static String csv(AuditEntry e, DateTimeFormatter time) {
		return String.join(",", Long.toString(e.seq()), time.format(e.occurredAt()), cell(e.actor()),
				cell(e.actorRole()), cell(e.organizationId() == null ? null : e.organizationId().toString()),
				cell(e.clientAddress()), cell(e.action()), cell(e.subjectType()), cell(e.subjectId()), cell(e.before()),
				cell(e.after()), e.hash());
	}

	private static String cell(String value) {
		if (value == null) {
			return "";
		}
		String safe = value;
		// A leading = + - @ would make a spreadsheet run the cell as a formula.
		if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
			safe = "'" + safe;
		}
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

}
