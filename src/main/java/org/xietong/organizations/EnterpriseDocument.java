package org.xietong.organizations;

import java.time.Instant;
import java.util.UUID;

/** A document an enterprise filed: the newest of each kind is the one that counts. */
public record EnterpriseDocument(UUID id, UUID enterpriseId, DocumentKind kind, UUID fileId, String fileName,
		String mediaType, long size, Instant uploadedAt, String uploadedBy) {
}
