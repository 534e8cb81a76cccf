package org.xietong.organizations.web;

import java.util.List;

/**
 * What an uploaded sheet would do, shown before anything is created: every bad row with
 * its column and reason, or every row that will be created. Only a sheet without a bad
 * row carries a {@code token}, the fingerprint of the very file that "confirm" imports.
 */
public record ImportPreview(String basePath, String titleKey, String fileName, int rowCount, List<String> columns,
		List<ImportPreviewRow> rows, List<ImportPreviewError> errors, String token) {

	public boolean valid() {
		return this.errors.isEmpty();
	}

}
