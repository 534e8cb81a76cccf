package org.xietong.organizations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xietong.shared.DomainException;

/**
 * Reads import sheets and writes their templates: a header row, then one record a row.
 */
final class Sheets {

	static final int MAX_ROWS = 5000;

	private Sheets() {
	}

	/** A data row: its number as Excel shows it, and its cells by header. */
	record SheetRow(int number, Map<String, String> cells) {

		String get(String header) {
			String value = this.cells.get(header);
			return (value == null || value.isBlank()) ? null : value.trim();
		}

	}

	/**
	 * The rows of the first sheet, by the headers of its first row; blank rows are
	 * skipped.
	 */
	static List<SheetRow> read(InputStream content, List<String> requiredHeaders) {
		try (Workbook workbook = new XSSFWorkbook(content)) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter();
			Row header = sheet.getRow(sheet.getFirstRowNum());
			if (header == null) {
				throw DomainException.invalid("file", "SHEET_EMPTY", "the sheet has no header row");
			}
			Map<Integer, String> columns = new LinkedHashMap<>();
			for (Cell cell : header) {
				String name = formatter.formatCellValue(cell).trim();
				if (!name.isEmpty()) {
					columns.put(cell.getColumnIndex(), name);
				}
			}
			List<String> missing = requiredHeaders.stream().filter(h -> !columns.containsValue(h)).toList();
			if (!missing.isEmpty()) {
				throw DomainException.invalid("file", "SHEET_COLUMNS_MISSING",
						"missing columns: " + String.join(", ", missing));
			}
			List<SheetRow> rows = new ArrayList<>();
			for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				Map<String, String> cells = new LinkedHashMap<>();
				boolean blank = true;
				for (Map.Entry<Integer, String> column : columns.entrySet()) {
					Cell cell = row.getCell(column.getKey());
					String value = (cell == null) ? "" : formatter.formatCellValue(cell).trim();
					blank &= value.isEmpty();
					cells.put(column.getValue(), value);
				}
				if (!blank) {
					rows.add(new SheetRow(r + 1, cells));
				}
				if (rows.size() > MAX_ROWS) {
					throw DomainException.invalid("file", "SHEET_TOO_LONG", "at most " + MAX_ROWS + " rows");
				}
			}
			return rows;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof DomainException domain) {
				throw domain;
			}
			throw DomainException.invalid("file", "SHEET_UNREADABLE", "not a readable .xlsx workbook");
		}
	}

	/** A template: the headers in bold, and a second sheet explaining each column. */
	static byte[] template(List<String> headers, List<String> notes) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("导入");
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row row = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				Cell cell = row.createCell(i);
				cell.setCellValue(headers.get(i));
				cell.setCellStyle(bold);
				sheet.setColumnWidth(i, 18 * 256);
			}
			Sheet help = workbook.createSheet("说明");
			for (int i = 0; i < notes.size(); i++) {
				help.createRow(i).createCell(0).setCellValue(notes.get(i));
			}
			help.setColumnWidth(0, 100 * 256);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
