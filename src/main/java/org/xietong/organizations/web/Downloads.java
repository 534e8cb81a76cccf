package org.xietong.organizations.web;

import java.io.InputStream;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.xietong.files.StoredFile;

/** A stored file sent as an attachment, under the name it was uploaded with. */
final class Downloads {

	static final MediaType XLSX = TeachersApiController.XLSX;

	private Downloads() {
	}

	static ResponseEntity<InputStreamResource> attachment(StoredFile file, InputStream content) {
		return org.xietong.files.FileDownloads.attachment(file, content);
	}

	static ResponseEntity<byte[]> workbook(String fileName, byte[] content) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
			.body(content);
	}

}
