package org.xietong.audit;

import java.time.Instant;

/**
 * Filters over the trail; every part may be {@code null}.
 *
 * @param subject matches the subject's id exactly, or its type
 */
public record AuditQuery(Instant from, Instant to, String actor, String subject, String action) {

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null);
	}

}
