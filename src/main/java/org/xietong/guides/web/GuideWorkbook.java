package org.xietong.guides.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.xietong.guides.GuideView;

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
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle amount = workbook.createCellStyle();
			amount.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
			Row header = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.size(); i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(
						messages.getMessage("guides.export.column." + COLUMNS.get(i), null, COLUMNS.get(i), locale));
				cell.setCellStyle(bold);
			}
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
				// Spreadsheet numbers are doubles; amounts below 10^12 with two decimals
				// read back to the fen.
				Cell cash = row.createCell(7);
				cash.setCellValue(guide.cashPerProject().amount().doubleValue());
				cash.setCellStyle(amount);
				Cell hardware = row.createCell(8);
				hardware.setCellValue(guide.hardwareSoftwarePerProject().amount().doubleValue());
				hardware.setCellStyle(amount);
				row.createCell(9).setCellValue(guide.contact().name() + " " + guide.contact().phone());
			});
			workbook.write(out);
			out.flush();
		}
	}

}
