package org.xietong.approvals.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.xietong.approvals.ApprovalListItem;
import org.xietong.shared.web.Sheets;

/**
 * A batch's approval list as a spreadsheet in the department's usual column layout,
 * streamed: rows go to disk a window at a time, so that fifteen thousand projects never
 * sit in memory at once.
 */
final class ApprovalListWorkbook {

	static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final List<String> COLUMNS = List.of("序号", "项目编号", "项目名称", "项目类型", "负责人", "高校", "企业", "支持经费", "软硬件",
			"重点/一般");

	private ApprovalListWorkbook() {
	}

	static void write(OutputStream out, String sheetName, MessageSource messages,
			Consumer<Consumer<ApprovalListItem>> rows) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = workbook.createSheet(safeSheetName(sheetName));
			Sheets.header(sheet, COLUMNS);
			CellStyle amount = Sheets.amountStyle(workbook);
			int[] number = { 0 };
			rows.accept(item -> {
				number[0]++;
				Row row = sheet.createRow(number[0]);
				row.createCell(0).setCellValue(number[0]);
				row.createCell(1).setCellValue(item.projectNumber());
				row.createCell(2).setCellValue(item.title());
				row.createCell(3).setCellValue(typeName(messages, item));
				row.createCell(4).setCellValue(item.leader());
				row.createCell(5).setCellValue(item.university());
				row.createCell(6).setCellValue(item.enterprise());
				Sheets.amount(row, 7, item.cash(), amount);
				Sheets.amount(row, 8, item.hardwareSoftware(), amount);
				row.createCell(9).setCellValue(item.key() ? "重点" : "一般");
			});
			workbook.write(out);
			workbook.dispose();
		}
	}

	static String typeName(MessageSource messages, ApprovalListItem item) {
		return messages.getMessage("projectType." + item.type().name(), null, item.type().name(), Locale.CHINA);
	}

	/** Excel allows 31 characters and none of []:*?/\ in a sheet's name. */
	private static String safeSheetName(String name) {
		String cleaned = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
		if (cleaned.isEmpty()) {
			return "立项名单";
		}
		return (cleaned.length() > 31) ? cleaned.substring(0, 31) : cleaned;
	}

}
