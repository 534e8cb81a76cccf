package org.xietong.accounts.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.xietong.accounts.Role;
import org.xietong.accounts.UserQuery;

/** The filter form of the accounts page. */
public record UserFilter(String role, String q) {

	public Role roleValue() {
		try {
			return (this.role == null || this.role.isBlank()) ? null : Role.valueOf(this.role);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	UserFilter withRole(Role fixed) {
		return new UserFilter(fixed.name(), this.q);
	}

	UserQuery query() {
		return new UserQuery(roleValue(), null, this.q);
	}

	public String qValue() {
		return (this.q == null) ? "" : this.q;
	}

	public boolean isRole(Role candidate) {
		return roleValue() == candidate;
	}

	public String queryString() {
		StringBuilder query = new StringBuilder();
		if (roleValue() != null) {
			query.append("&role=").append(roleValue().name());
		}
		if (this.q != null && !this.q.isBlank()) {
			query.append("&q=").append(URLEncoder.encode(this.q, StandardCharsets.UTF_8));
		}
		return query.toString();
	}

}
