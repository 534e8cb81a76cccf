package org.xietong.guides.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.xietong.guides.GuideView;
import org.xietong.shared.web.Sheets;

/**
 * The catalogue as a spreadsheet, streamed: rows go to disk a window at a time, so that
 * fifty thousand guides never sit in memory at once.
 */
final class GuideWorkbook {

	static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final List<String> COLUMNS = List.of("number", "title", "enterprise", "type", "direction", "industry",
			"projectsOffered", "cashPerProject", "hardwareSoftwarePerProject", "contact");

	private GuideWorkbook() {
	}

	/** Answers the guides that {@code rows} hands over as {@code fileName}. */
	static void send(HttpServletResponse response, String fileName, MessageSource messages, Locale locale,
			Consumer<Consumer<GuideView>> rows) throws IOException {
		response.setContentType(MEDIA_TYPE);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
		write(response.getOutputStream(), messages, locale, rows);
	}

	static void write(OutputStream out, MessageSource messages, Locale locale, Consumer<Consumer<GuideView>> rows)
			throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = workbook.createSheet(messages.getMessage("guides.export.sheet", null, "guides", locale));
			Sheets.header(sheet,
					COLUMNS.stream()
						.map(column -> messages.getMessage("guides.export.column." + column, null, column, locale))
						.toList());
			CellStyle amount = Sheets.amountStyle(workbook);
			int[] number = { 0 };
			rows.accept(guide -> {
				number[0]++;
				Row row = sheet.createRow(number[0]);
				row.createCell(0).setCellValue(number[0]);
				row.createCell(1).setCellValue(guide.title());
				row.createCell(2).setCellValue(guide.enterpriseName());
				row.createCell(3)
					.setCellValue(messages.getMessage("projectType." + guide.type().name(), null, guide.type().name(),
							locale));
				row.createCell(4).setCellValue(guide.direction());
				row.createCell(5).setCellValue(guide.industry());
				row.createCell(6).setCellValue(guide.projectsOffered());
				Sheets.amount(row, 7, guide.cashPerProject(), amount);
				Sheets.amount(row, 8, guide.hardwareSoftwarePerProject(), amount);
				row.createCell(9).setCellValue(guide.contact().name() + " " + guide.contact().phone());
			});
			workbook.write(out);
			out.flush();
		}
	}

}
