package org.xietong.reporting.web;

import java.awt.Color;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.xietong.reporting.Breakdown;
import org.xietong.reporting.Counting;
import org.xietong.reporting.Dimension;
import org.xietong.reporting.Measure;
import org.xietong.reporting.Section;
import org.xietong.reporting.Statistics;
import org.xietong.shared.PdfFonts;

/**
 * The year's statistics report (年度统计报告) as the department sends it upwards: its header,
 * the year's totals, two charts, each breakdown and the comparison with the years before,
 * in the reader's language with the Chinese font embedded.
 */
final class YearReportPdf {

	private static final Color BAR = new Color(0x2f, 0x5d, 0x8a);

	private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);

	private final Function<String, String> label;

	private final Font title = new Font(PdfFonts.chinese(), 18, Font.BOLD);

	private final Font heading = new Font(PdfFonts.chinese(), 12, Font.BOLD);

	private final Font small = new Font(PdfFonts.chinese(), 8.5f);

	private final Font head = new Font(PdfFonts.chinese(), 8.5f, Font.BOLD);

	private YearReportPdf(Function<String, String> label) {
		this.label = label;
	}

	static void write(OutputStream out, String department, String heading, String subheading, Statistics.Report report,
			YearComparison years, Function<String, String> label) {
		new YearReportPdf(label).render(out, department, heading, subheading, report, years);
	}

	private void render(OutputStream out, String department, String heading, String subheading,
			Statistics.Report report, YearComparison years) {
		Document document = new Document(PageSize.A4, 40, 40, 40, 40);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		document.addTitle(heading);
		document.addCreator("协同 Xietong");
		document.open();
		centred(document, department, this.heading, 2);
		centred(document, heading, this.title, 4);
		centred(document, subheading, this.small, 12);

		section(document, this.label.apply("statistics.sheet.totals"));
		PdfPTable totals = table(new float[] { 3, 5, 4 }, this.label.apply("statistics.column.section"),
				this.label.apply("statistics.column.item"), this.label.apply("statistics.column.value"));
		for (Section section : Section.of(report.scope())) {
			for (Measure measure : section.measures()) {
				cell(totals, this.label.apply("statistics.section." + section.field()), false);
				cell(totals, this.label.apply("statistics.measure." + measure.key()), false);
				cell(totals, StatisticsView.display(report.totals().get(measure)), true);
			}
		}
		document.add(totals);

		List<Measure> funnel = List.of(Measure.SUBMITTED, Measure.ENDORSED, Measure.SELECTED, Measure.RECOMMENDED,
				Measure.APPROVED, Measure.KEY, Measure.PROJECTS, Measure.COMPLETED);
		section(document, this.label.apply("statistics.chart.funnel"));
		document.add(bars(writer, funnel.stream().map(m -> this.label.apply("statistics.measure." + m.key())).toList(),
				funnel.stream().map(m -> report.totals().get(m)).toList()));
		List<Counting.Row> types = report.tables().getOrDefault(Breakdown.BY_TYPE, List.of());
		if (!types.isEmpty()) {
			section(document, this.label.apply("statistics.chart.byType") + " · "
					+ this.label.apply("statistics.field.approved"));
			document.add(bars(writer, types.stream().map(row -> this.label.apply("projectType." + row.key())).toList(),
					types.stream().map(row -> row.get(Measure.APPROVED)).toList()));
		}

		report.tables().forEach((breakdown, rows) -> breakdown(document, report, breakdown, rows));

		section(document, this.label.apply("statistics.years"));
		List<String> yearHeaders = new ArrayList<>();
		yearHeaders.add(this.label.apply("statistics.column.item"));
		years.years().forEach(year -> yearHeaders.add(String.valueOf(year)));
		float[] widths = new float[yearHeaders.size()];
		java.util.Arrays.fill(widths, 2);
		widths[0] = 4;
		PdfPTable comparison = table(widths, yearHeaders.toArray(String[]::new));
		for (YearComparison.Line line : years.rows()) {
			cell(comparison, this.label.apply("statistics.measure." + line.key()), false);
			for (int i = 0; i < line.values().size(); i++) {
				String change = line.changes().get(i);
				cell(comparison, line.values().get(i) + (change.isEmpty() ? "" : " (" + change + ")"), true);
			}
		}
		document.add(comparison);
		document.close();
	}

	private void breakdown(Document document, Statistics.Report report, Breakdown breakdown, List<Counting.Row> rows) {
		section(document, this.label.apply("statistics.table." + breakdown.field()));
		List<Breakdown.Column> columns = breakdown.columns(report.scope());
		List<String> headers = new ArrayList<>();
		headers.add(this.label.apply("statistics.dimension." + breakdown.dimension().key()));
		columns.forEach(column -> headers.add(this.label.apply("statistics.field." + column.field())));
		float[] widths = new float[headers.size()];
		java.util.Arrays.fill(widths, 2);
		widths[0] = 5;
		PdfPTable table = table(widths, headers.toArray(String[]::new));
		table.setComplete(false);
		int count = 0;
		for (Counting.Row row : rows) {
			cell(table, (breakdown.dimension() == Dimension.TYPE) ? this.label.apply("projectType." + row.key())
					: row.name(), false);
			columns.forEach(column -> cell(table, StatisticsView.display(row.get(column.measure())), true));
			if (++count % 500 == 0) {
				// Hand finished rows to the writer so that a national year does not pile
				// up.
				document.add(table);
			}
		}
		cell(table, this.label.apply("statistics.total"), false);
		columns
			.forEach(column -> cell(table, StatisticsView.display(StatisticsView.sum(rows, column.measure())), true));
		table.setComplete(true);
		document.add(table);
	}

	/** A horizontal bar chart drawn as vectors, one bar per label, with its value. */
	private Image bars(PdfWriter writer, List<String> labels, List<Number> values) {
		float width = 515;
		float rowHeight = 18;
		float height = rowHeight * labels.size() + 10;
		float left = 150;
		double max = Math.max(1, values.stream().mapToDouble(Number::doubleValue).max().orElse(1));
		PdfContentByte canvas = writer.getDirectContent();
		PdfTemplate template = canvas.createTemplate(width, height);
		BaseFont font = PdfFonts.chinese();
		for (int i = 0; i < labels.size(); i++) {
			float y = height - (i + 1) * rowHeight;
			float length = (float) (values.get(i).doubleValue() / max * (width - left - 70));
			template.setColorFill(GRID);
			template.rectangle(left, y + 3, width - left - 70, rowHeight - 6);
			template.fill();
			template.setColorFill(BAR);
			template.rectangle(left, y + 3, Math.max(length, 0.5f), rowHeight - 6);
			template.fill();
			template.beginText();
			template.setFontAndSize(font, 8.5f);
			template.setColorFill(Color.BLACK);
			template.showTextAligned(Element.ALIGN_RIGHT, labels.get(i), left - 6, y + 6, 0);
			template.showTextAligned(Element.ALIGN_LEFT, StatisticsView.display(values.get(i)), left + length + 4,
					y + 6, 0);
			template.endText();
		}
		Image image = Image.getInstance(template);
		image.setSpacingAfter(6);
		return image;
	}

	private static void centred(Document document, String text, Font font, float after) {
		Paragraph paragraph = new Paragraph(text, font);
		paragraph.setAlignment(Element.ALIGN_CENTER);
		paragraph.setSpacingAfter(after);
		document.add(paragraph);
	}

	private void section(Document document, String text) {
		Paragraph paragraph = new Paragraph(text, this.heading);
		paragraph.setSpacingBefore(12);
		paragraph.setSpacingAfter(6);
		document.add(paragraph);
	}

	private PdfPTable table(float[] widths, String... headers) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		for (String header : headers) {
			PdfPCell cell = new PdfPCell(new Phrase(header, this.head));
			cell.setGrayFill(0.9f);
			table.addCell(cell);
		}
		return table;
	}

	private void cell(PdfPTable table, String text, boolean number) {
		PdfPCell cell = new PdfPCell(new Phrase(text, this.small));
		if (number) {
			cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
		}
		table.addCell(cell);
	}

}
