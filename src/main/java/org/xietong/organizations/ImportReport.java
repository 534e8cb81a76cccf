package org.xietong.organizations;

import java.util.List;

/**
 * What an import found: how many rows, how many were created, and every bad row with the
 * reason. An import with any bad row creates nothing.
 */
public record ImportReport(int rows, int created, boolean dryRun, List<RowError> errors) {

	public boolean valid() {
		return this.errors.isEmpty();
	}

	/**
	 * One problem: the sheet's row number (as Excel shows it), the column and the reason.
	 */
	public record RowError(int row, String column, String code, String reason) {
	}

}
