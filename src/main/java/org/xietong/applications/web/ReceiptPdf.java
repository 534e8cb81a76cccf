package org.xietong.applications.web;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.xietong.applications.ApplicationView;
import org.xietong.applications.AttachmentView;
import org.xietong.applications.Receipt;
import org.xietong.shared.PdfFonts;

/**
 * A receipt as a one-page PDF, in Chinese with English labels: what was submitted, when,
 * its digest and the server's signature, and how to check it.
 */
final class ReceiptPdf {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private ReceiptPdf() {
	}

	static byte[] render(Receipt receipt, ApplicationView application, ZoneId zone, String verifyUrl) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 56, 56, 56, 56);
		PdfWriter.getInstance(document, out);
		document.addTitle("申报回执 " + receipt.number());
		document.addCreator("协同 Xietong");
		document.open();
		Font title = new Font(PdfFonts.chinese(), 18, Font.BOLD);
		Font body = new Font(PdfFonts.chinese(), 10.5f);
		Font small = new Font(PdfFonts.chinese(), 8.5f);
		Paragraph heading = new Paragraph("产学合作协同育人项目 申报回执", title);
		heading.setAlignment(Element.ALIGN_CENTER);
		document.add(heading);
		Paragraph subtitle = new Paragraph("Application receipt", body);
		subtitle.setAlignment(Element.ALIGN_CENTER);
		subtitle.setSpacingAfter(16);
		document.add(subtitle);
		PdfPTable table = new PdfPTable(new float[] { 1.3f, 3.7f });
		table.setWidthPercentage(100);
		row(table, "回执编号 Receipt No.", receipt.number(), body);
		row(table, "申报编号 Application No.", receipt.applicationNumber(), body);
		row(table, "提交时间 Submitted at", TIME.format(receipt.submittedAt().atZone(zone)) + " (" + zone.getId() + ")",
				body);
		row(table, "项目名称 Title", application.title(), body);
		row(table, "项目负责人 Leader", application.leaderName(), body);
		row(table, "所在高校 University", application.universityName(), body);
		row(table, "申报指南 Guide", application.guideTitle(), body);
		row(table, "出资企业 Enterprise", application.enterpriseName(), body);
		row(table, "预算合计 Budget (yuan)", application.budgetTotal().toString(), body);
		StringBuilder files = new StringBuilder();
		for (AttachmentView file : application.attachments()) {
			files.append(file.name())
				.append("  (")
				.append(file.size())
				.append(" B)\nSHA-256 ")
				.append(file.sha256())
				.append('\n');
		}
		row(table, "附件 Attachments", files.toString().strip(), small);
		row(table, "内容摘要 Digest (SHA-256)", receipt.digest(), small);
		row(table, "服务器签名 Signature (" + receipt.algorithm() + ", key " + receipt.keyId() + ")", receipt.signature(),
				small);
		document.add(table);
		Paragraph how = new Paragraph("核验：在 " + verifyUrl + " 输入回执编号与内容摘要，或调用 GET /api/v1/verify/receipts/"
				+ receipt.number() + "?digest=<摘要>。签名覆盖的文本为四行："
				+ "xietong-receipt-v1、回执编号、提交时间、摘要；公钥见 GET /api/v1/verify/key。\n" + "Verify at " + verifyUrl
				+ " with the receipt number and digest. The signature covers four lines: "
				+ "xietong-receipt-v1, the number, the time, the digest; the public key is at GET /api/v1/verify/key.",
				small);
		how.setSpacingBefore(14);
		document.add(how);
		document.close();
		return out.toByteArray();
	}

	private static void row(PdfPTable table, String label, String value, Font font) {
		PdfPCell name = new PdfPCell(new Phrase(label, font));
		name.setPadding(6);
		name.setBackgroundColor(new java.awt.Color(0xF3, 0xF5, 0xF7));
		PdfPCell content = new PdfPCell(new Phrase((value == null) ? "" : value, font));
		content.setPadding(6);
		table.addCell(name);
		table.addCell(content);
	}

}
