package org.xietong.files;

import java.time.Instant;
import java.util.UUID;

/**
 * An upload as the platform keeps it: its content's hash, size, type and the name it came
 * with.
 */
public record StoredFile(UUID id, String sha256, long size, FileType type, String originalName, Instant createdAt) {

	public String mediaType() {
		return this.type.mediaType();
	}

}
