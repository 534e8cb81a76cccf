package org.xietong.files;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of file the platform accepts, each recognised by its content, not its name.
 */
public enum FileType {

	PDF("application/pdf", "pdf"), PNG("image/png", "png"), JPEG("image/jpeg", "jpg"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"), DOC("application/msword", "doc"),
	XLS("application/vnd.ms-excel", "xls"), ZIP("application/zip", "zip");

	public static final Set<FileType> DOCUMENTS = EnumSet.of(PDF, PNG, JPEG);

	public static final Set<FileType> SPREADSHEETS = EnumSet.of(XLSX);

	public static final Set<FileType> ATTACHMENTS = EnumSet.allOf(FileType.class);

	private final String mediaType;

	private final String extension;

	FileType(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return this.mediaType;
	}

	public String extension() {
		return this.extension;
	}

}
