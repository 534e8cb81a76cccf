package org.xietong.organizations;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The rows of an import sheet read exactly as an import reads them, so that a person sees
 * what will be created before confirming.
 */
public final class SheetPreview {

	private SheetPreview() {
	}

	/** The columns of the teachers' sheet, in the template's order. */
	public static List<String> teacherColumns() {
		return TeacherManagement.COLUMNS;
	}

	/** The columns of the experts' sheet, in the template's order. */
	public static List<String> expertColumns() {
		return ExpertManagement.COLUMNS;
	}

	/**
	 * The data rows of the first sheet; blank rows are skipped as the import skips them.
	 */
	public static List<Row> rows(InputStream content) {
		return Sheets.read(content, List.of()).stream().map(row -> new Row(row.number(), row.cells())).toList();
	}

	/** One data row: its number as Excel shows it, and its cells by header. */
	public record Row(int number, Map<String, String> cells) {
	}

}
