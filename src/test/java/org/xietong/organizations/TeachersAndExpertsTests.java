package org.xietong.organizations;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;
import org.xietong.support.Samples;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class TeachersAndExpertsTests {

	private static final List<String> TEACHER_COLUMNS = List.of("用户名", "姓名", "职称", "电子邮箱", "手机", "初始密码");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	String jluAdmin;

	String jlu;

	String nenu;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.jluAdmin = this.api.token("jlu-admin");
		this.jlu = this.api.get("/api/v1/me", this.jluAdmin).json().get("organizationId").asString();
		this.nenu = this.api.get("/api/v1/me", this.api.token("nenu-admin")).json().get("organizationId").asString();
	}

	@Test
	void aUniversityAdministratorCreatesATeacherWhoMustChangeThePasswordFirst() {
		String username = Samples.unique("t");
		Response created = this.api.post("/api/v1/universities/" + this.jlu + "/teachers", this.jluAdmin,
				Map.of("username", username, "password", "Initial#2024", "displayName", "新教师", "title", "讲师", "email",
						username + "@jlu.edu.cn", "phone", "13800000000"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("role").asString()).isEqualTo("TEACHER");
		assertThat(created.json().get("organizationId").asString()).isEqualTo(this.jlu);
		assertThat(created.json().get("passwordChangeRequired").asBoolean()).isTrue();
	}

	@Test
	void aUniversityAdministratorCannotSeeOrTouchAnotherUniversitysTeachers() {
		String nenuTeacher = this.api.get("/api/v1/me", this.api.token("nenu-teacher1")).json().get("id").asString();

		assertThat(this.api.get("/api/v1/universities/" + this.nenu + "/teachers", this.jluAdmin).status())
			.isEqualTo(404);
		assertThat(this.api
			.post("/api/v1/universities/" + this.nenu + "/teachers", this.jluAdmin,
					Map.of("username", Samples.unique("t"), "password", "Initial#2024", "displayName", "x"))
			.status()).isEqualTo(404);
		assertThat(this.api
			.post("/api/v1/universities/" + this.nenu + "/teachers/" + nenuTeacher + "/deactivate", this.jluAdmin, "{}")
			.status()).isEqualTo(404);
		// Through its own university's path, another university's teacher does not exist
		// either.
		assertThat(this.api
			.post("/api/v1/universities/" + this.jlu + "/teachers/" + nenuTeacher + "/deactivate", this.jluAdmin, "{}")
			.status()).isEqualTo(404);
		assertThat(this.api.token("nenu-teacher1")).isNotBlank();
	}

	@Test
	void aDeactivatedTeacherCanNoLongerSignIn() {
		String username = Samples.unique("t");
		String id = this.api
			.post("/api/v1/universities/" + this.jlu + "/teachers", this.jluAdmin,
					Map.of("username", username, "password", "Initial#2024", "displayName", "将停用"))
			.json()
			.get("id")
			.asString();
		String token = this.api.token(username, "Initial#2024");

		this.api.post("/api/v1/universities/" + this.jlu + "/teachers/" + id + "/deactivate", this.jluAdmin, "{}");

		assertThat(this.api.get("/api/v1/me", token).status()).isEqualTo(401);
		assertThat(this.api.post("/api/v1/auth/token", null, Map.of("username", username, "password", "Initial#2024"))
			.code()).isEqualTo("ACCOUNT_DISABLED");
	}

	@Test
	void theTemplateOpensAsAWorkbookWithTheColumns() throws Exception {
		HttpResponse<byte[]> template = this.api
			.download("/api/v1/universities/" + this.jlu + "/teachers/template.xlsx", this.jluAdmin);

		assertThat(template.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(template.body()))) {
			var header = workbook.getSheetAt(0).getRow(0);
			for (int i = 0; i < TEACHER_COLUMNS.size(); i++) {
				assertThat(header.getCell(i).getStringCellValue()).isEqualTo(TEACHER_COLUMNS.get(i));
			}
		}
	}

	@Test
	void aSheetWithOneBadRowImportsNothingAndNamesTheRowAndReason() {
		String a = Samples.unique("imp");
		String b = Samples.unique("imp");
		byte[] sheet = Samples.sheet(TEACHER_COLUMNS,
				List.of(List.of(a, "甲", "教授", a + "@jlu.edu.cn", "13800000001", "Initial#2024"),
						List.of(b, "乙", "讲师", "not-an-email", "13800000002", "weak"),
						List.of(a, "丙", "讲师", "", "", "Initial#2024")));

		Response report = this.api.upload("/api/v1/universities/" + this.jlu + "/teachers/import", this.jluAdmin,
				Map.of(), "teachers.xlsx", sheet);

		assertThat(report.status()).isEqualTo(422);
		assertThat(report.json().get("created").asInt()).isZero();
		var errors = report.json().get("errors").values();
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.get("row").asInt()).isEqualTo(3);
			assertThat(e.get("column").asString()).isEqualTo("电子邮箱");
			assertThat(e.get("code").asString()).isEqualTo("INVALID_EMAIL");
		});
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.get("row").asInt()).isEqualTo(3);
			assertThat(e.get("code").asString()).isEqualTo("PASSWORD_TOO_SHORT");
		});
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.get("row").asInt()).isEqualTo(4);
			assertThat(e.get("code").asString()).isEqualTo("DUPLICATE_IN_SHEET");
		});
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users WHERE username = :a")
			.param("a", a)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aGoodSheetPreviewsThenImportsEveryRow() {
		String a = Samples.unique("imp");
		String b = Samples.unique("imp");
		byte[] sheet = Samples.sheet(TEACHER_COLUMNS,
				List.of(List.of(a, "甲", "教授", "", "", "Initial#2024"), List.of(b, "乙", "讲师", "", "", "Initial#2024")));
		String path = "/api/v1/universities/" + this.jlu + "/teachers/import";

		Response preview = this.api.upload(path + "?dryRun=true", this.jluAdmin, Map.of(), "t.xlsx", sheet);
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.json().get("rows").asInt()).isEqualTo(2);
		assertThat(preview.json().get("created").asInt()).isZero();

		Response imported = this.api.upload(path, this.jluAdmin, Map.of(), "t.xlsx", sheet);
		assertThat(imported.status()).isEqualTo(201);
		assertThat(imported.json().get("created").asInt()).isEqualTo(2);
		assertThat(this.api.token(a, "Initial#2024")).isNotBlank();
	}

	@Test
	void aFileThatIsNotAWorkbookIsRefused() {
		Response refused = this.api.upload("/api/v1/universities/" + this.jlu + "/teachers/import", this.jluAdmin,
				Map.of(), "t.xlsx", Samples.pdf());
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("code").asString()).isEqualTo("SHEET_UNREADABLE");
	}

	@Test
	void anEnterprisesExpertsServeOnlyThatEnterprise() {
		String auto = this.api.token("ent-auto");
		String username = Samples.unique("exp");
		Response created = this.api.post("/api/v1/experts", auto, Map.of("displayName", "企业专家", "username", username,
				"password", "Initial#2024", "affiliation", Map.of("name", "某研究院"), "fields", List.of("汽车", "新能源")));

		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.json().get("fields").values().stream().map(f -> f.asString())).containsExactly("汽车", "新能源");
		assertThat(this.api.get("/api/v1/experts/" + id, auto).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/experts/" + id, this.api.token("ent-cloud")).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/experts/" + id, this.api.token("dept")).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/experts?size=200", this.api.token("ent-cloud"))
			.json()
			.get("items")
			.values()
			.stream()
			.map(e -> e.get("id").asString())).doesNotContain(id);
		assertThat(this.api.post("/api/v1/experts", this.api.token("jlu-teacher1"), Map.of()).status()).isEqualTo(403);
	}

	@Test
	void anExpertDeclaresAConflictWithAUniversity() {
		String pool = this.api.token("dept");
		String username = Samples.unique("exp");
		String id = this.api
			.post("/api/v1/experts", pool, Map.of("displayName", "库专家", "username", username, "password",
					"Initial#2024", "affiliation", Map.of("organizationId", this.nenu), "fields", List.of("新文科")))
			.json()
			.get("id")
			.asString();
		String expert = this.api.token(username, "Initial#2024");
		this.api.post("/api/v1/me/password", expert,
				Map.of("currentPassword", "Initial#2024", "newPassword", "Changed#2025"));

		Response declared = this.api.post("/api/v1/experts/" + id + "/conflicts", expert,
				Map.of("organizationId", this.jlu, "reason", "曾在该校兼职"));

		assertThat(declared.status()).isEqualTo(200);
		assertThat(declared.json().get("affiliationName").asString()).isEqualTo("东北师范大学");
		assertThat(declared.json().get("conflicts").get(0).get("organizationId").asString()).isEqualTo(this.jlu);
		String otherExpert = this.api.token("expert-pool");
		assertThat(this.api
			.post("/api/v1/experts/" + id + "/conflicts", otherExpert, Map.of("personName", "王某", "reason", "亲属"))
			.status()).isEqualTo(404);
	}

	@Test
	void anExpertSheetWithAnUnknownOrganisationImportsNothing() {
		List<String> columns = List.of("用户名", "姓名", "工作单位", "单位代码", "专业领域", "电子邮箱", "手机", "初始密码", "回避单位");
		String a = Samples.unique("ximp");
		String b = Samples.unique("ximp");
		byte[] sheet = Samples.sheet(columns,
				List.of(List.of(a, "甲", "吉林大学", "4122010183", "人工智能、汽车", "", "", "Initial#2024", ""),
						List.of(b, "乙", "某单位", "9999999999", "新能源", "", "", "Initial#2024", "不存在的大学")));

		Response report = this.api.upload("/api/v1/experts/import", this.api.token("dept"), Map.of(), "e.xlsx", sheet);

		assertThat(report.status()).isEqualTo(422);
		assertThat(report.json().get("errors").values()).allSatisfy(e -> assertThat(e.get("row").asInt()).isEqualTo(3));
		assertThat(report.json().get("errors").values().stream().map(e -> e.get("column").asString())).contains("单位代码",
				"回避单位");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users WHERE username = :a")
			.param("a", a)
			.query(Long.class)
			.single()).isZero();
	}

}
