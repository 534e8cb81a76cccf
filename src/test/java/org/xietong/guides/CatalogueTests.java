package org.xietong.guides;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.batches.BatchManagement;
import org.xietong.guides.GuideFixtures.Enterprise;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue through the API: who sees which guides, every filter, the free-text
 * search, the orders, paging, and the spreadsheet export. One batch of its own with five
 * published guides of two enterprises and a draft.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueTests {

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	Api api;

	String batchId;

	Enterprise alpha;

	Enterprise beta;

	String draft;

	@BeforeAll
	void publishFiveGuides() {
		this.api = new Api(this.port);
		GuideFixtures fixtures = new GuideFixtures(this.api, this.batches, this.clock);
		this.batchId = fixtures.openBatch().id().toString();
		this.alpha = fixtures.eligibleEnterprise();
		this.beta = fixtures.eligibleEnterprise();
		Map<String, Object> lab = GuideFixtures.guide("CURRICULUM", "AI Lab 智能网联汽车实验课程", "50000", "0", 2);
		Map<String, Object> newAlpha = GuideFixtures.guide("NEW_DISCIPLINES", "新工科建设甲", "100000", "0", 1);
		newAlpha.put("direction", "数字经济");
		newAlpha.put("industry", "电子商务");
		Map<String, Object> training = GuideFixtures.guide("TEACHER_TRAINING", "师资培训乙", "30000", "0", 2);
		training.put("description", "面向冰雪运动装备产业的师资培训。");
		training.put("industry", "冰雪");
		Map<String, Object> base = GuideFixtures.guide("PRACTICE_BASE", "实践基地丙", "0", "80000", 1);
		Map<String, Object> newBeta = GuideFixtures.guide("NEW_DISCIPLINES", "新工科建设丁", "140000", "0", 1);
		List<String> ids = new ArrayList<>(fixtures.submitted(this.batchId, this.alpha, lab, newAlpha));
		ids.addAll(fixtures.submitted(this.batchId, this.beta, training, base, newBeta));
		this.draft = fixtures.draft(this.batchId, this.alpha.token(),
				GuideFixtures.guide("CURRICULUM", "未提交的草稿", "20000", "0", 1));
		fixtures.approve(ids);
		fixtures.publish(this.batchId, ids);
		this.alpha = new Enterprise(this.alpha.id(), this.alpha.name(), this.alpha.username(),
				this.api.token(this.alpha.username(), "Secret#2024"));
	}

	@Test
	void thePublicSeesThePublishedGuidesOnlyWithoutTheDepartmentsNotes() {
		Response list = list("", null);

		assertThat(list.json().get("total").asLong()).isEqualTo(5);
		assertThat(titles(list)).doesNotContain("未提交的草稿");
		assertThat(list.json().get("items").get(0).get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(list.json().get("items").get(0).get("returnReason").isNull()).isTrue();
		assertThat(this.api.get("/api/v1/guides/" + this.draft, null).status()).isEqualTo(404);
		assertThat(titles(list("", this.api.token("jlu-teacher1")))).hasSize(5);
	}

	@Test
	void filtersByTypeDirectionIndustryEnterpriseAndLeastCashPerProject() {
		assertThat(titles(list("&type=NEW_DISCIPLINES", null))).containsExactlyInAnyOrder("新工科建设甲", "新工科建设丁");
		assertThat(titles(list("&direction=" + encode("数字经济"), null))).containsExactly("新工科建设甲");
		assertThat(titles(list("&industry=" + encode("冰雪"), null))).containsExactly("师资培训乙");
		assertThat(titles(list("&enterprise=" + this.beta.id(), null))).containsExactlyInAnyOrder("师资培训乙", "实践基地丙",
				"新工科建设丁");
		assertThat(titles(list("&enterprise=" + encode(this.alpha.name().substring(4)), null)))
			.containsExactlyInAnyOrder("AI Lab 智能网联汽车实验课程", "新工科建设甲");
		assertThat(titles(list("&minCash=100000", null))).containsExactlyInAnyOrder("新工科建设甲", "新工科建设丁");
		assertThat(titles(list("&type=NEW_DISCIPLINES&minCash=100000.01", null))).containsExactly("新工科建设丁");
	}

	@Test
	void searchesTitleEnterpriseNameAndDescriptionIgnoringCase() {
		assertThat(titles(list("&q=" + encode("ai lab"), null))).containsExactly("AI Lab 智能网联汽车实验课程");
		assertThat(titles(list("&q=" + encode("冰雪运动"), null))).containsExactly("师资培训乙");
		assertThat(titles(list("&q=" + encode(this.beta.name()), null))).hasSize(3);
		assertThat(titles(list("&q=" + encode("100%_"), null))).isEmpty();
	}

	@Test
	void ordersByNewestByCashPerProjectAndByTitle() {
		assertThat(titles(list("", null))).containsExactly("新工科建设丁", "实践基地丙", "师资培训乙", "新工科建设甲", "AI Lab 智能网联汽车实验课程");
		assertThat(titles(list("&sort=cash", null))).containsExactly("新工科建设丁", "新工科建设甲", "AI Lab 智能网联汽车实验课程", "师资培训乙",
				"实践基地丙");
		assertThat(titles(list("&sort=title", null))).first().isEqualTo("AI Lab 智能网联汽车实验课程");
		assertThat(list("&sort=random", null).status()).isEqualTo(422);
	}

	@Test
	void pagesTheListAndRefusesPagesLargerThanTwoHundred() {
		Response third = list("&sort=cash&size=2&page=2", null);

		assertThat(third.json().get("page").asInt()).isEqualTo(2);
		assertThat(third.json().get("size").asInt()).isEqualTo(2);
		assertThat(third.json().get("total").asLong()).isEqualTo(5);
		assertThat(titles(third)).containsExactly("实践基地丙");
		assertThat(list("&size=201", null).status()).isEqualTo(422);
		assertThat(list("&type=GARDENING", null).code()).isEqualTo("VALIDATION_FAILED");
	}

	@Test
	void anEnterpriseSeesItsOwnGuidesOfEveryStatusWithMineAndTheDepartmentEveryGuideByStatus() {
		assertThat(titles(list("&mine=true", this.alpha.token()))).containsExactlyInAnyOrder("未提交的草稿", "新工科建设甲",
				"AI Lab 智能网联汽车实验课程");
		assertThat(titles(list("&mine=true&status=DRAFT", this.alpha.token()))).containsExactly("未提交的草稿");
		assertThat(titles(list("", this.alpha.token()))).hasSize(5).doesNotContain("未提交的草稿");
		assertThat(list("&mine=true", this.api.token("jlu-teacher1")).status()).isEqualTo(403);
		assertThat(list("&mine=true", null).status()).isEqualTo(401);
		String dept = this.api.token("dept");
		assertThat(titles(list("&status=DRAFT", dept))).containsExactly("未提交的草稿");
		assertThat(titles(list("", dept))).hasSize(6);
		assertThat(titles(list("&status=PUBLISHED", dept))).hasSize(5);
	}

	@Test
	void exportsTheFilteredListAsASpreadsheetWithTheCataloguesColumns() throws IOException {
		HttpResponse<byte[]> export = this.api.download("/api/v1/guides.xlsx?batchId=" + this.batchId + "&sort=cash",
				null);

		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type").orElse(""))
			.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		List<List<String>> rows = rows(export.body());
		assertThat(rows.get(0)).containsExactly("序号", "项目名称", "企业", "项目类型", "方向", "产业领域", "项目数", "每项经费", "每项软硬件",
				"联系人");
		assertThat(rows).hasSize(6);
		assertThat(rows.get(1)).containsExactly("1", "新工科建设丁", this.beta.name(), "新工科、新医科、新农科、新文科建设项目", "人工智能", "汽车",
				"1", "140,000.00", "0.00", "王工 0431-88905350");
		assertThat(rows.get(5).get(1)).isEqualTo("实践基地丙");
		assertThat(rows.get(5).get(8)).isEqualTo("80,000.00");

		HttpResponse<byte[]> page = this.api
			.download("/catalogue.xlsx?batchId=" + this.batchId + "&type=NEW_DISCIPLINES", null);
		assertThat(rows(page.body())).hasSize(3);
	}

	private Response list(String query, String token) {
		return this.api.get("/api/v1/guides?batchId=" + this.batchId + query, token);
	}

	private static List<String> titles(Response list) {
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		return list.json().get("items").values().stream().map(guide -> guide.get("title").asString()).toList();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static List<List<String>> rows(byte[] content) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter();
			List<List<String>> rows = new ArrayList<>();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				row.forEach(cell -> cells.add(formatter.formatCellValue(cell)));
				rows.add(cells);
			}
			return rows;
		}
	}

}
