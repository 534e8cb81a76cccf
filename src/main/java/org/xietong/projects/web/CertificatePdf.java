package org.xietong.projects.web;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.xietong.projects.CompletionList;
import org.xietong.projects.ProjectView;
import org.xietong.shared.PdfFonts;

/**
 * A completed project's certificate (结项证书): A4 landscape, the Chinese font embedded, with
 * the project's number, title, leader, university and enterprise, the completion date,
 * the certificate's number and verification code, and how anyone checks it.
 */
final class CertificatePdf {

	private CertificatePdf() {
	}

	/**
	 * @param verifyUrl the public verification page, without its query
	 */
	static void write(OutputStream out, ProjectView project, CompletionList.Certificate certificate, ZoneId zone,
			String verifyUrl) {
		Document document = new Document(PageSize.A4.rotate(), 72, 72, 60, 60);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		document.addTitle("结项证书 " + certificate.number());
		document.addCreator("协同 Xietong");
		document.open();
		border(writer, document);
		Font heading = new Font(PdfFonts.chinese(), 34, Font.BOLD);
		Font sub = new Font(PdfFonts.chinese(), 12);
		Font label = new Font(PdfFonts.chinese(), 13, Font.BOLD);
		Font value = new Font(PdfFonts.chinese(), 13);
		Font small = new Font(PdfFonts.chinese(), 10);
		Paragraph title = new Paragraph("结项证书", heading);
		title.setAlignment(Element.ALIGN_CENTER);
		title.setSpacingAfter(4);
		document.add(title);
		Paragraph english = new Paragraph("Certificate of Completion · 产学合作协同育人项目", sub);
		english.setAlignment(Element.ALIGN_CENTER);
		english.setSpacingAfter(24);
		document.add(english);
		Paragraph lead = new Paragraph("兹证明下列项目已通过结题验收，经公示无异议，准予结项。", value);
		lead.setAlignment(Element.ALIGN_CENTER);
		lead.setSpacingAfter(18);
		document.add(lead);
		PdfPTable table = new PdfPTable(new float[] { 1.2f, 4 });
		table.setWidthPercentage(80);
		row(table, "项目编号", project.number(), label, value);
		row(table, "项目名称", project.title(), label, value);
		row(table, "项目负责人", project.leaderName(), label, value);
		row(table, "高校", project.universityName(), label, value);
		row(table, "合作企业", project.enterpriseName(), label, value);
		row(table, "结题时间", date(certificate.issuedAt(), zone), label, value);
		row(table, "证书编号", certificate.number(), label, value);
		row(table, "验证码", certificate.verificationCode(), label, value);
		document.add(table);
		Paragraph how = new Paragraph("核验方式：访问 " + verifyUrl + "?number=" + certificate.number() + "&code="
				+ certificate.verificationCode() + "，或在“证书核验”页面输入证书编号与验证码。", small);
		how.setAlignment(Element.ALIGN_CENTER);
		how.setSpacingBefore(20);
		document.add(how);
		Paragraph issuer = new Paragraph("省教育厅 · 产学合作协同育人项目管理平台    " + date(certificate.issuedAt(), zone), value);
		issuer.setAlignment(Element.ALIGN_RIGHT);
		issuer.setSpacingBefore(16);
		document.add(issuer);
		document.close();
	}

	private static void row(PdfPTable table, String name, String text, Font label, Font value) {
		PdfPCell left = new PdfPCell(new Phrase(name, label));
		left.setBorder(Rectangle.NO_BORDER);
		left.setPaddingBottom(8);
		table.addCell(left);
		PdfPCell right = new PdfPCell(new Phrase((text == null) ? "" : text, value));
		right.setBorder(Rectangle.BOTTOM);
		right.setPaddingBottom(8);
		table.addCell(right);
	}

	private static void border(PdfWriter writer, Document document) {
		PdfContentByte canvas = writer.getDirectContentUnder();
		Rectangle page = document.getPageSize();
		canvas.setLineWidth(3f);
		canvas.setRGBColorStroke(150, 30, 30);
		canvas.rectangle(24, 24, page.getWidth() - 48, page.getHeight() - 48);
		canvas.stroke();
		canvas.setLineWidth(0.8f);
		canvas.rectangle(32, 32, page.getWidth() - 64, page.getHeight() - 64);
		canvas.stroke();
	}

	static String date(java.time.Instant instant, ZoneId zone) {
		if (instant == null) {
			return "";
		}
		LocalDate day = LocalDate.ofInstant(instant, zone);
		return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
	}

}
