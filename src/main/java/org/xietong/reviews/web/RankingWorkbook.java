package org.xietong.reviews.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.xietong.reviews.Ranking;

/**
 * A guide's ranking as a spreadsheet, with bilingual headers: the same file from the API
 * and from the enterprise's review page.
 */
final class RankingWorkbook {

	private static final String[] HEADERS = { "排名 Rank", "申报编号 Number", "项目名称 Title", "负责人 Leader", "高校 University",
			"得分 Score", "中位数 Median", "极差 Spread", "分歧 Disagreement", "已评专家 Experts", "缺评 Missing", "各专家总分 Totals",
			"状态 Status", "入选 Selected" };

	private RankingWorkbook() {
	}

	static void send(Ranking ranking, HttpServletResponse response) throws IOException {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("ranking.xlsx").build().toString());
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("排名 Ranking");
			Row head = sheet.createRow(0);
			for (int i = 0; i < HEADERS.length; i++) {
				head.createCell(i).setCellValue(HEADERS[i]);
			}
			int r = 1;
			for (Ranking.Item item : ranking.items()) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(item.rank());
				row.createCell(1).setCellValue(item.number());
				row.createCell(2).setCellValue(item.title());
				row.createCell(3).setCellValue(item.leader());
				row.createCell(4).setCellValue(item.university());
				if (item.score() != null) {
					row.createCell(5).setCellValue(item.score().doubleValue());
					row.createCell(6).setCellValue(item.median().doubleValue());
					row.createCell(7).setCellValue(item.spread().doubleValue());
				}
				row.createCell(8).setCellValue(item.disagreement() ? "是 yes" : "");
				row.createCell(9).setCellValue(item.expertCount());
				row.createCell(10).setCellValue(item.missing());
				row.createCell(11).setCellValue(item.totals().toString());
				row.createCell(12).setCellValue(item.status());
				row.createCell(13).setCellValue(item.selected() ? "✓" : "");
			}
			workbook.write(response.getOutputStream());
		}
	}

}
