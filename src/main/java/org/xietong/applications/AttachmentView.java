package org.xietong.applications;

import java.time.Instant;
import java.util.UUID;

/** A file attached to an application: its kind, name, size, type and content hash. */
public record AttachmentView(UUID id, AttachmentKind kind, String name, long size, String mediaType, String sha256,
		Instant createdAt) {
}
