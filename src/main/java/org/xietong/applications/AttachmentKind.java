package org.xietong.applications;

import java.util.Optional;
import java.util.Set;

import org.xietong.files.FileType;

/**
 * What an attachment is: the signed and stamped application form, or a supporting file.
 */
public enum AttachmentKind {

	/** The signed and stamped application form (申报书), as a PDF. */
	APPLICATION_FORM(Set.of(FileType.PDF)),

	/** Any other supporting document: PDF, Word, Excel, images, ZIP. */
	SUPPORTING(FileType.ATTACHMENTS);

	private final Set<FileType> allowed;

	AttachmentKind(Set<FileType> allowed) {
		this.allowed = allowed;
	}

	/** The file types this kind accepts, judged by content. */
	public Set<FileType> allowed() {
		return this.allowed;
	}

	static Optional<AttachmentKind> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.of(SUPPORTING);
		}
		try {
			return Optional.of(valueOf(text.trim().toUpperCase(java.util.Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
