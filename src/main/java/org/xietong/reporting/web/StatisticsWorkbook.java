package org.xietong.reporting.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.xietong.reporting.Breakdown;
import org.xietong.reporting.Counting;
import org.xietong.reporting.Dimension;
import org.xietong.reporting.Listed;
import org.xietong.reporting.Measure;
import org.xietong.reporting.Section;
import org.xietong.reporting.Statistics;
import org.xietong.shared.Money;
import org.xietong.shared.web.Sheets;

/**
 * Statistics as a workbook: the totals on one sheet, each breakdown on its own, the same
 * numbers as the page, headers in the reader's language, amounts in yuan as numbers.
 */
final class StatisticsWorkbook {

	static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final SXSSFWorkbook workbook;

	private final MessageSource messages;

	private final Locale locale;

	private final CellStyle amount;

	private StatisticsWorkbook(SXSSFWorkbook workbook, MessageSource messages, Locale locale) {
		this.workbook = workbook;
		this.messages = messages;
		this.locale = locale;
		this.amount = Sheets.amountStyle(workbook);
	}

	static void send(HttpServletResponse response, String fileName, MessageSource messages, Locale locale,
			Consumer<StatisticsWorkbook> body) throws IOException {
		response.setContentType(MEDIA_TYPE);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			body.accept(new StatisticsWorkbook(workbook, messages, locale));
			workbook.write(response.getOutputStream());
			response.getOutputStream().flush();
		}
	}

	/** The totals on a sheet, then one sheet per breakdown, each with its total row. */
	void report(Statistics.Report report, String title) {
		Sheet totals = sheet(t("statistics.sheet.totals"));
		Sheets.header(totals,
				List.of(t("statistics.column.section"), t("statistics.column.item"), t("statistics.column.value")));
		int line = 0;
		for (Section section : Section.of(report.scope())) {
			for (Measure measure : section.measures()) {
				Row row = totals.createRow(++line);
				row.createCell(0).setCellValue(t("statistics.section." + section.field()));
				row.createCell(1).setCellValue(t("statistics.measure." + measure.key()));
				value(row, 2, report.totals().get(measure));
			}
		}
		totals.createRow(++line + 1).createCell(0).setCellValue(title);
		report.tables().forEach((breakdown, rows) -> breakdown(report, breakdown, rows));
	}

	private void breakdown(Statistics.Report report, Breakdown breakdown, List<Counting.Row> rows) {
		Sheet sheet = sheet(t("statistics.table." + breakdown.field()));
		List<Breakdown.Column> columns = breakdown.columns(report.scope());
		List<String> headers = new ArrayList<>();
		headers.add(t("statistics.dimension." + breakdown.dimension().key()));
		columns.forEach(column -> headers.add(t("statistics.field." + column.field())));
		Sheets.header(sheet, headers);
		int line = 0;
		for (Counting.Row found : rows) {
			Row row = sheet.createRow(++line);
			row.createCell(0)
				.setCellValue(
						(breakdown.dimension() == Dimension.TYPE) ? t("projectType." + found.key()) : found.name());
			for (int i = 0; i < columns.size(); i++) {
				value(row, i + 1, found.get(columns.get(i).measure()));
			}
		}
		Row total = sheet.createRow(++line);
		total.createCell(0).setCellValue(t("statistics.total"));
		for (int i = 0; i < columns.size(); i++) {
			value(total, i + 1, StatisticsView.sum(rows, columns.get(i).measure()));
		}
	}

	/** The rows behind a figure, with their amounts and the sum. */
	void listing(Listed kind, String title, Consumer<Consumer<Listed.Line>> rows) {
		Sheet sheet = sheet(t("statistics.sheet.list"));
		List<String> headers = new ArrayList<>();
		headers.add(t("statistics.column.number"));
		kind.headers().forEach(column -> headers.add(t(column.messageKey())));
		headers.add(t("statistics.column.amount"));
		Sheets.header(sheet, headers);
		int[] line = { 0 };
		rows.accept(found -> {
			Row row = sheet.createRow(++line[0]);
			row.createCell(0).setCellValue(line[0]);
			for (int i = 0; i < kind.headers().size(); i++) {
				Listed.Column column = kind.headers().get(i);
				String cell = found.cells().get(i);
				row.createCell(i + 1)
					.setCellValue(
							(column.codePrefix() == null || cell.isEmpty()) ? cell : t(column.codePrefix() + cell));
			}
			if (found.amount() != null) {
				Sheets.amount(row, kind.headers().size() + 1, Money.of(found.amount().setScale(2)), this.amount);
			}
		});
		sheet.createRow(line[0] + 2).createCell(0).setCellValue(title);
	}

	/**
	 * The figures of several years side by side, with each year's change on the one
	 * before.
	 */
	void years(Map<Integer, Counting.Figures> years, List<Measure> measures) {
		Sheet sheet = sheet(t("statistics.sheet.years"));
		List<String> headers = new ArrayList<>();
		headers.add(t("statistics.column.item"));
		List<Integer> order = new ArrayList<>(years.keySet());
		java.util.Collections.sort(order);
		order.forEach(year -> headers.add(t("statistics.year", year)));
		Sheets.header(sheet, headers);
		int line = 0;
		for (Measure measure : measures) {
			Row row = sheet.createRow(++line);
			row.createCell(0).setCellValue(t("statistics.measure." + measure.key()));
			for (int i = 0; i < order.size(); i++) {
				value(row, i + 1, years.get(order.get(i)).get(measure));
			}
		}
	}

	private Sheet sheet(String name) {
		return this.workbook.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(name));
	}

	private void value(Row row, int column, Number number) {
		if (number instanceof BigDecimal decimal) {
			Sheets.amount(row, column, Money.of(decimal.setScale(2)), this.amount);
		}
		else {
			row.createCell(column).setCellValue(number.longValue());
		}
	}

	private String t(String key, Object... args) {
		return this.messages.getMessage(key, args, key, this.locale);
	}

}
