package org.xietong.approvals.web;

import java.io.OutputStream;
import java.util.function.Consumer;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.xietong.approvals.ApprovalListItem;
import org.xietong.shared.PdfFonts;

/**
 * A batch's approval list as a PDF notice (立项名单), landscape, with the Chinese font
 * embedded so that it prints and reads the same everywhere. Written to the stream as the
 * rows come.
 */
final class ApprovalListPdf {

	private static final float[] WIDTHS = { 4, 9, 22, 12, 6, 11, 13, 7, 7, 5 };

	private ApprovalListPdf() {
	}

	static void write(OutputStream out, String heading, String subheading, MessageSource messages,
			Consumer<Consumer<ApprovalListItem>> rows) {
		Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
		PdfWriter.getInstance(document, out);
		document.addTitle(heading);
		document.addCreator("协同 Xietong");
		document.open();
		Font title = new Font(PdfFonts.chinese(), 16, Font.BOLD);
		Font small = new Font(PdfFonts.chinese(), 9);
		Font head = new Font(PdfFonts.chinese(), 9, Font.BOLD);
		Paragraph top = new Paragraph(heading, title);
		top.setAlignment(Element.ALIGN_CENTER);
		document.add(top);
		Paragraph sub = new Paragraph(subheading, small);
		sub.setAlignment(Element.ALIGN_CENTER);
		sub.setSpacingAfter(10);
		document.add(sub);
		PdfPTable table = new PdfPTable(WIDTHS);
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		// A large element: each add below renders the rows so far and lets them go.
		table.setComplete(false);
		for (String column : ApprovalListWorkbook.COLUMNS) {
			PdfPCell cell = new PdfPCell(new Phrase(column, head));
			cell.setGrayFill(0.9f);
			table.addCell(cell);
		}
		int[] number = { 0 };
		rows.accept(item -> {
			number[0]++;
			table.addCell(new Phrase(Integer.toString(number[0]), small));
			table.addCell(new Phrase(item.projectNumber(), small));
			table.addCell(new Phrase(item.title(), small));
			table.addCell(new Phrase(ApprovalListWorkbook.typeName(messages, item), small));
			table.addCell(new Phrase(item.leader(), small));
			table.addCell(new Phrase(item.university(), small));
			table.addCell(new Phrase(item.enterprise(), small));
			table.addCell(new Phrase(item.cash().toString(), small));
			table.addCell(new Phrase(item.hardwareSoftware().toString(), small));
			table.addCell(new Phrase(item.key() ? "重点" : "一般", small));
			if (number[0] % 500 == 0) {
				// Hand finished rows to the writer so that a long list does not pile up.
				document.add(table);
			}
		});
		if (number[0] == 0) {
			PdfPCell none = new PdfPCell(new Phrase("尚无已发布的立项项目。No projects published yet.", small));
			none.setColspan(WIDTHS.length);
			table.addCell(none);
		}
		table.setComplete(true);
		document.add(table);
		document.close();
	}

}
