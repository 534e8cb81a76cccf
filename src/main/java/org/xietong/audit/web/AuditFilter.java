package org.xietong.audit.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.format.annotation.DateTimeFormat;
import org.xietong.audit.AuditQuery;

/** The filter form: dates are whole days in the installation's time zone. */
public record AuditFilter(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String actor, String subject, String action) {

	public AuditQuery query(ZoneId zone) {
		return new AuditQuery(this.from == null ? null : this.from.atStartOfDay(zone).toInstant(),
				this.to == null ? null : this.to.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1), this.actor,
				this.subject, this.action);
	}

	public String value(String field) {
		Object v = switch (field) {
			case "from" -> this.from;
			case "to" -> this.to;
			case "actor" -> this.actor;
			case "subject" -> this.subject;
			default -> this.action;
		};
		return (v == null) ? "" : v.toString();
	}

	public String queryString() {
		StringBuilder query = new StringBuilder();
		for (String field : new String[] { "from", "to", "actor", "subject", "action" }) {
			String v = value(field);
			if (!v.isEmpty()) {
				query.append('&')
					.append(field)
					.append('=')
					.append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
			}
		}
		return query.toString();
	}

}
