package org.xietong.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.batches.BatchManagement;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PageSession;
import org.xietong.support.PlatformTest;
import org.xietong.support.PublishedProjects.Project;
import org.xietong.support.PublishedProjects.Published;
import tools.jackson.databind.JsonNode;

/**
 * The statistics pages on a batch the lifecycle made: every number on them links to the
 * list it counts and equals that list's total (or, for money, its sum); the workbooks and
 * the year's report carry the same numbers; the batch's public page shows its published
 * figures; each office sees only its own lists.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsPagesTests {

	/** A figure on a page: its link and the number it shows. */
	private static final Pattern FIGURE = Pattern
		.compile("<a href=\"(/statistics/list\\?[^\"]+)\"(?: data-measure=\"[^\"]+\")?>([0-9,.]+)</a>");

	private static final Pattern TOTAL = Pattern.compile("data-total=\"(\\d+)\" data-figure=\"([0-9.]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	Api api;

	Published published;

	@BeforeAll
	void aBatchWithThreeProjectsOneRunningAndHalfPaid() {
		this.api = new Api(this.port);
		this.published = ThreeProjectsOneRunning.make(this.api, this.batches, this.clock).published();
	}

	@AfterAll
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void everyNumberOnTheDepartmentsPageEqualsTheListItLinksTo() {
		PageSession dept = signIn("dept", Api.DEMO_PASSWORD);
		Response page = dept.page("/department/statistics?batchId=" + batchId());

		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.body()).contains("data-testid=\"statistics-department\"")
			.contains("data-chart=")
			.contains("/webjars/echarts/dist/echarts.min.js")
			.doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
		assertThat(checkEveryFigure(dept, page.body())).isGreaterThan(120);
	}

	@Test
	void everyNumberOnAUniversitysAndAnEnterprisesOwnPageEqualsItsList() {
		PageSession university = signIn("jlu-admin", Api.DEMO_PASSWORD);
		Response own = university.page("/university/statistics?batchId=" + batchId());
		PageSession enterprise = signIn(this.published.batch().enterprise().username(), "Secret#2024");
		Response theirs = enterprise.page("/enterprise/statistics?batchId=" + batchId());

		assertThat(own.status()).as(own.toString()).isEqualTo(200);
		assertThat(checkEveryFigure(university, own.body())).isGreaterThan(40);
		assertThat(theirs.status()).as(theirs.toString()).isEqualTo(200);
		assertThat(checkEveryFigure(enterprise, theirs.body())).isGreaterThan(40);
	}

	@Test
	void eachBreakdownHasAPagedPageOfAllItsRowsWhoseNumbersEqualTheirLists() throws Exception {
		PageSession dept = signIn("dept", Api.DEMO_PASSWORD);
		String table = "/statistics/table?batchId=" + batchId() + "&table=byUniversity";
		Response page = dept.page(table);
		HttpResponse<byte[]> xlsx = dept
			.download("/statistics/table.xlsx?batchId=" + batchId() + "&table=byUniversity");

		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.body()).contains("吉林大学").contains("第 1 页，共 1 页，2 条");
		assertThat(checkEveryFigure(dept, page.body())).isGreaterThan(20);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(3);
		}
		assertThat(dept.page("/statistics/table?batchId=" + batchId() + "&table=byNothing").status()).isEqualTo(422);
		assertThat(signIn("jlu-teacher1", Api.DEMO_PASSWORD).page(table).status()).isEqualTo(403);
	}

	@Test
	void anOfficeListsOnlyItsOwnRowsAndOtherRolesNone() {
		String nenu = this.api.get("/api/v1/me", this.api.token("nenu-admin")).json().get("organizationId").asString();
		PageSession university = signIn("jlu-admin", Api.DEMO_PASSWORD);
		String list = "/statistics/list?batchId=" + batchId() + "&measure=applications.submitted";

		Response own = university.page(list);
		Response other = university.page(list + "&org=" + nenu);
		Response teacher = signIn("jlu-teacher1", Api.DEMO_PASSWORD).page(list);
		Response unknown = university.page("/statistics/list?batchId=" + batchId() + "&measure=applications.nonsense");
		Response badValue = university.page(list + "&by=teacher&value=not-an-id");

		assertThat(total(own.body())).isEqualTo(2);
		assertThat(other.status()).isEqualTo(404);
		assertThat(teacher.status()).isEqualTo(403);
		assertThat(signIn("jlu-teacher1", Api.DEMO_PASSWORD).page("/department/statistics").status()).isEqualTo(403);
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(badValue.status()).isEqualTo(422);
	}

	@Test
	void theWorkbookCarriesThePagesNumbersUnderChineseHeaders() throws Exception {
		JsonNode stats = this.api.get("/api/v1/batches/" + batchId() + "/statistics", this.api.token("dept")).json();
		HttpResponse<byte[]> xlsx = signIn("dept", Api.DEMO_PASSWORD)
			.download("/department/statistics/export.xlsx?batchId=" + batchId());

		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("总体情况");
			assertThat(workbook.getSheetName(1)).isEqualTo("按高校");
			Sheet totals = workbook.getSheetAt(0);
			assertThat(totals.getRow(0).getCell(1).getStringCellValue()).isEqualTo("指标");
			assertThat(valueOf(totals, "已提交")).isEqualTo(stats.at("/applications/submitted").asDouble());
			assertThat(valueOf(totals, "已拨付经费（元）")).isEqualTo(stats.at("/funds/cashPaid").asDouble());
			Sheet universities = workbook.getSheetAt(1);
			assertThat(universities.getRow(0).getCell(0).getStringCellValue()).isEqualTo("高校");
			Row total = universities.getRow(universities.getLastRowNum());
			assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
			assertThat(total.getCell(1).getNumericCellValue())
				.isEqualTo(stats.at("/applications/submitted").asDouble());
		}
	}

	@Test
	void theYearsReportComesAsAWorkbookAndAPdfUnderTheDepartmentsHeader() throws Exception {
		int year = this.api.get("/api/v1/batches/" + batchId(), this.api.token("dept")).json().get("year").asInt();
		PageSession dept = signIn("dept", Api.DEMO_PASSWORD);
		HttpResponse<byte[]> xlsx = dept.download("/department/statistics/report.xlsx?year=" + year);
		HttpResponse<byte[]> pdf = dept.download("/department/statistics/report.pdf?year=" + year);
		HttpResponse<byte[]> refused = signIn("jlu-admin", Api.DEMO_PASSWORD)
			.download("/department/statistics/report.pdf?year=" + year);

		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			List<String> names = new ArrayList<>();
			workbook.forEach(sheet -> names.add(sheet.getSheetName()));
			assertThat(names).containsExactly("总体情况", "按高校", "按企业", "按项目类型", "按方向", "按行业", "历年对比");
			assertThat(workbook.getSheet("历年对比").getRow(0).getCell(1).getStringCellValue()).endsWith("年");
		}
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		PdfReader reader = new PdfReader(pdf.body());
		String text = new PdfTextExtractor(reader).getTextFromPage(1);
		reader.close();
		assertThat(text).contains("省教育厅").contains(year + "年度产学合作协同育人项目统计报告").contains("总体情况");
		assertThat(refused.statusCode()).isEqualTo(403);
	}

	@Test
	void theBatchsPublicPageShowsOnlyItsPublishedFigures() {
		PageSession anyone = new PageSession(this.port);
		Response page = anyone.page("/batches/" + batchId());
		Response fragment = anyone.page("/batches/" + batchId() + "/summary");
		Response json = this.api.get("/api/v1/batches/" + batchId() + "/summary", null);
		BigDecimal cash = this.published.projects()
			.stream()
			.map(Project::cash)
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(2);

		assertThat(page.body()).contains("hx-get=\"/batches/" + batchId() + "/summary\"");
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body()).contains("data-figure=\"projects\">3<").contains("data-figure=\"completed\">0<");
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.json().get("projects").asLong()).isEqualTo(3);
		assertThat(json.json().get("key").asLong()).isZero();
		assertThat(json.json().get("cash").asString()).isEqualTo(cash.toPlainString());
		assertThat(json.json().has("cashPaid")).isFalse();
	}

	@Test
	void theYearsAreComparedSideBySide() {
		PageSession dept = signIn("dept", Api.DEMO_PASSWORD);
		Response years = dept.page("/department/statistics/years");

		assertThat(years.status()).isEqualTo(200);
		assertThat(years.body()).contains("data-testid=\"years\"").contains("批准立项");
		assertThat(checkEveryFigure(dept, years.body())).isGreaterThanOrEqualTo(15);
	}

	/**
	 * Follows every figure's link on the page and checks the list's total (or sum) equals
	 * the figure; answers how many were checked.
	 */
	private int checkEveryFigure(PageSession session, String body) {
		Matcher figure = FIGURE.matcher(body);
		int checked = 0;
		while (figure.find()) {
			String link = figure.group(1).replace("&amp;", "&");
			String shown = figure.group(2).replace(",", "");
			Response list = session.page(link);
			assertThat(list.status()).as(link).isEqualTo(200);
			Matcher total = TOTAL.matcher(list.body());
			assertThat(total.find()).as(link).isTrue();
			assertThat(new BigDecimal(total.group(2))).as(link).isEqualByComparingTo(new BigDecimal(shown));
			checked++;
		}
		return checked;
	}

	private static long total(String body) {
		Matcher total = TOTAL.matcher(body);
		assertThat(total.find()).isTrue();
		return Long.parseLong(total.group(1));
	}

	private static double valueOf(Sheet sheet, String item) {
		for (Row row : sheet) {
			if (row.getCell(1) != null && item.equals(row.getCell(1).getStringCellValue())) {
				return row.getCell(2).getNumericCellValue();
			}
		}
		throw new AssertionError("no row " + item);
	}

	private PageSession signIn(String username, String password) {
		PageSession session = new PageSession(this.port);
		Response signedIn = session.signIn(username, password);
		assertThat(signedIn.header("Location")).as(username).endsWith("/home");
		return session;
	}

	private java.util.UUID batchId() {
		return this.published.batch().batchId();
	}

}
