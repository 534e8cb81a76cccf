package org.xietong.files;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored file sent as a download, under the name it was uploaded with. */
public final class FileDownloads {

	private FileDownloads() {
	}

	/** The response that sends {@code content}, the bytes of {@code file}. */
	public static ResponseEntity<InputStreamResource> attachment(StoredFile file, InputStream content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.contentLength(file.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.originalName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(new InputStreamResource(content));
	}

}
