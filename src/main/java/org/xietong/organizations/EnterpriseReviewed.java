package org.xietong.organizations;

import java.util.UUID;

/**
 * The department decided on an enterprise: approved, returned, rejected, put on or taken
 * off the defaulters' list.
 *
 * @param action the audit action ({@code ENTERPRISE_APPROVED},
 * {@code ENTERPRISE_RETURNED}, …)
 * @param reason the department's reason, or {@code null}
 */
public record EnterpriseReviewed(UUID enterpriseId, String enterpriseName, String action, EnterpriseStatus status,
		String reason) {
}
