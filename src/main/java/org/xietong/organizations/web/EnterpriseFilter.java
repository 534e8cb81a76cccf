package org.xietong.organizations.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.xietong.organizations.EnterpriseStatus;

/**
 * The department's review queue filter: a status (pending review unless another, or
 * {@code ALL}, is chosen) and a text in the name or credit code.
 */
public record EnterpriseFilter(String status, String q) {

	static final String ALL = "ALL";

	/** The status to list, or {@code null} for all of them. */
	public EnterpriseStatus statusValue() {
		if (this.status == null || this.status.isBlank()) {
			return EnterpriseStatus.PENDING_REVIEW;
		}
		if (ALL.equals(this.status)) {
			return null;
		}
		try {
			return EnterpriseStatus.valueOf(this.status);
		}
		catch (IllegalArgumentException ex) {
			return EnterpriseStatus.PENDING_REVIEW;
		}
	}

	public boolean isStatus(EnterpriseStatus candidate) {
		return statusValue() == candidate;
	}

	public boolean isAll() {
		return statusValue() == null;
	}

	public String qValue() {
		return (this.q == null) ? "" : this.q;
	}

	String text() {
		return (this.q == null || this.q.isBlank()) ? null : this.q.trim();
	}

	/** The filter as query parameters, each after an {@code &}. */
	public String queryString() {
		StringBuilder query = new StringBuilder("&status=").append(isAll() ? ALL : statusValue().name());
		if (text() != null) {
			query.append("&q=").append(URLEncoder.encode(this.q, StandardCharsets.UTF_8));
		}
		return query.toString();
	}

}
