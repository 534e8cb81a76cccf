package org.xietong.projects.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.xietong.projects.CompletionList;
import org.xietong.shared.web.Sheets;

/**
 * A batch's completion list (结题名单) as a spreadsheet in the department's columns,
 * streamed: rows go to disk a window at a time.
 */
final class CompletionListWorkbook {

	static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final List<String> COLUMNS = List.of("序号", "项目编号", "项目名称", "项目类型", "负责人", "高校", "企业", "结题时间", "证书编号");

	private CompletionListWorkbook() {
	}

	static void write(OutputStream out, String sheetName, MessageSource messages, ZoneId zone,
			Consumer<Consumer<CompletionList.Item>> rows) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = workbook.createSheet(safeSheetName(sheetName));
			Sheets.header(sheet, COLUMNS);
			int[] number = { 0 };
			rows.accept(item -> {
				number[0]++;
				Row row = sheet.createRow(number[0]);
				row.createCell(0).setCellValue(number[0]);
				row.createCell(1).setCellValue(item.projectNumber());
				row.createCell(2).setCellValue(item.title());
				row.createCell(3)
					.setCellValue(messages.getMessage("projectType." + item.type().name(), null, item.type().name(),
							Locale.CHINA));
				row.createCell(4).setCellValue(item.leader());
				row.createCell(5).setCellValue(item.university());
				row.createCell(6).setCellValue(item.enterprise());
				row.createCell(7)
					.setCellValue((item.completedAt() == null) ? ""
							: LocalDate.ofInstant(item.completedAt(), zone).toString());
				row.createCell(8).setCellValue(item.certificateNumber());
			});
			workbook.write(out);
			workbook.dispose();
		}
	}

	/** Excel allows 31 characters and none of []:*?/\ in a sheet's name. */
	private static String safeSheetName(String name) {
		String cleaned = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
		if (cleaned.isEmpty()) {
			return "结题名单";
		}
		return (cleaned.length() > 31) ? cleaned.substring(0, 31) : cleaned;
	}

}
