package org.xietong.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xietong.shared.CreditCode;

/**
 * Test data that passes the platform's checks: credit codes, registrations, files,
 * sheets.
 */
public final class Samples {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

	private Samples() {
	}

	/** A fresh, valid unified social credit code. */
	public static String creditCode() {
		String first17 = "912201" + "01" + String.format("%09d", SEQUENCE.incrementAndGet() % 1_000_000_000L);
		return first17 + CreditCode.checkCharacter(first17);
	}

	public static String unique(String prefix) {
		return prefix + "-" + SEQUENCE.incrementAndGet();
	}

	/** An enterprise registration body as the API takes it. */
	public static Map<String, Object> registration(String username, LocalDate foundedOn) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "测试科技有限公司" + SEQUENCE.incrementAndGet());
		body.put("creditCode", creditCode());
		body.put("legalRepresentative", "张三");
		body.put("foundedOn", foundedOn.toString());
		body.put("registeredCapital", "5000000.00");
		body.put("industry", "人工智能");
		body.put("address", "长春市南关区人民大街 1 号");
		body.put("description", "从事人工智能教育产品研发。");
		body.put("contact", Map.of("name", "李四", "phone", "0431-88905350", "email", "contact@example.com"));
		body.put("username", username);
		body.put("password", "Secret#2024");
		return body;
	}

	public static byte[] pdf() {
		return "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
	}

	/** The SHA-256 of {@link #pdf()}, in hex. */
	public static String pdfSha256() {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf()));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An .xlsx workbook: the header row, then the rows. */
	public static byte[] sheet(List<String> headers, List<List<String>> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("导入");
			Row header = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				header.createCell(i).setCellValue(headers.get(i));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int i = 0; i < rows.get(r).size(); i++) {
					row.createCell(i).setCellValue(rows.get(r).get(i));
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
