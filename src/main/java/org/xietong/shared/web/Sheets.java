package org.xietong.shared.web;

import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.xietong.shared.Money;

/** What the lists' spreadsheets share: a bold header row and amounts to the fen. */
public final class Sheets {

	private Sheets() {
	}

	/** Writes the header row in bold. */
	public static void header(Sheet sheet, List<String> headers) {
		Workbook workbook = sheet.getWorkbook();
		CellStyle bold = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		bold.setFont(font);
		Row header = sheet.createRow(0);
		for (int i = 0; i < headers.size(); i++) {
			Cell cell = header.createCell(i);
			cell.setCellValue(headers.get(i));
			cell.setCellStyle(bold);
		}
	}

	/** The style of amounts: {@code #,##0.00}. */
	public static CellStyle amountStyle(Workbook workbook) {
		CellStyle amount = workbook.createCellStyle();
		amount.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
		return amount;
	}

	/**
	 * An amount as a number cell. Spreadsheet numbers are doubles; amounts below 10^12
	 * with two decimals read back to the fen.
	 */
	public static void amount(Row row, int column, Money value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value.amount().doubleValue());
		cell.setCellStyle(style);
	}

}
