package org.xietong.organizations;

import java.util.UUID;

/** An organisation as other modules and the API see it. */
public record OrganizationView(UUID id, OrganizationKind kind, String name, String code, String status, long version) {
}
