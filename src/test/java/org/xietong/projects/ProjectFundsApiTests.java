package org.xietong.projects;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.batches.BatchManagement;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.PlatformTest;
import org.xietong.support.PublishedProjects.Published;
import org.xietong.support.PublishedProjects.Project;
import org.xietong.support.PublishedProjects;
import org.xietong.support.PublishedGuides;
import org.xietong.support.RecommendedApplications;
import org.xietong.support.Samples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enterprise's funds over HTTP: payments recorded against the confirmed agreement,
 * never beyond it, each with its voucher and confirmed once by the university; funds
 * short of the agreement after its due date are overdue, and the department is told.
 */
@PlatformTest
class ProjectFundsApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	Api api;

	PublishedProjects projects;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.projects = new PublishedProjects(this.api, this.batches, this.clock);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aPaymentWithinTheAgreementIsRecordedWithItsVoucherAndConfirmedOnceByTheUniversity() {
		Published published = publish(1);
		Project project = published.projects().get(0);
		String enterprise = published.batch().enterprise().token();
		String university = this.api.token(project.universityAdmin());
		inProgress(project, enterprise, university);
		BigDecimal half = project.cash().divide(BigDecimal.valueOf(2));

		Response paid = pay(project, enterprise, "CASH", half.toPlainString(), yesterday(), "转账流水 2024-0001");
		String id = paid.json().get("id").asString();
		Response voucher = this.api.upload("/api/v1/disbursements/" + id + "/voucher", enterprise, Map.of(), "付款凭证.pdf",
				Samples.pdf());
		JsonNode before = this.api.get(path(project, "/funds"), project.teacherToken()).json();
		Response confirmed = this.api.post("/api/v1/disbursements/" + id + "/confirm", university, "{}");
		Response again = this.api.post("/api/v1/disbursements/" + id + "/confirm", university, "{}");
		JsonNode after = this.api.get(path(project, "/funds"), this.api.token("dept")).json();
		HttpResponse<byte[]> download = this.api.download("/api/v1/disbursements/" + id + "/voucher",
				this.api.token("dept"));

		assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
		assertThat(paid.json().get("kind").asString()).isEqualTo("CASH");
		assertThat(paid.json().get("amount").asString()).isEqualTo(money(half));
		assertThat(voucher.status()).as(voucher.toString()).isEqualTo(200);
		assertThat(voucher.json().get("voucherFileId").isNull()).isFalse();
		assertThat(before.get("cash").get("agreed").asString()).isEqualTo(money(project.cash()));
		assertThat(before.get("cash").get("paid").asString()).isEqualTo(money(half));
		assertThat(before.get("cash").get("confirmed").asString()).isEqualTo("0.00");
		assertThat(before.get("cash").get("outstanding").asString()).isEqualTo(money(project.cash().subtract(half)));
		assertThat(before.get("hardwareSoftware").get("agreed").asString()).isEqualTo("0.00");
		assertThat(before.get("fundsDueOn").isNull()).isFalse();
		assertThat(before.get("overdue").asBoolean()).isFalse();
		assertThat(before.get("items")).hasSize(1);
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		assertThat(confirmed.json().get("confirmedBy").asString()).isEqualTo(project.universityAdmin());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(after.get("cash").get("paid").asString()).isEqualTo(money(half));
		assertThat(after.get("cash").get("confirmed").asString()).isEqualTo(money(half));
		assertThat(after.get("cash").get("outstanding").asString()).isEqualTo(money(project.cash().subtract(half)));
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(download.body()).isEqualTo(Samples.pdf());
		JsonNode history = this.api.get(path(project, "/history"), this.api.token("dept")).json();
		assertThat(history).extracting(entry -> entry.get("action").asString())
			.contains("FUNDS_PAID", "FUNDS_VOUCHER", "FUNDS_CONFIRMED");
	}

	@Test
	void aPaymentBeyondTheAgreementIsRefusedWithTheFieldNamedAndChangesNothing() {
		Published published = publish(1);
		Project project = published.projects().get(0);
		String enterprise = published.batch().enterprise().token();
		inProgress(project, enterprise, this.api.token(project.universityAdmin()));
		String all = project.cash().toPlainString();

		Response first = pay(project, enterprise, "CASH", all, yesterday(), "全额转账");
		Response aFenMore = pay(project, enterprise, "CASH", "0.01", yesterday(), "多付一分");
		Response hardware = pay(project, enterprise, "HARDWARE_SOFTWARE", "100.00", yesterday(), "设备交付单");
		Response later = pay(project, enterprise, "CASH", "1.00", LocalDate.now().plusDays(3).toString(), "三天后");
		Response nothing = pay(project, enterprise, "CASH", "0", yesterday(), "");
		JsonNode funds = this.api.get(path(project, "/funds"), enterprise).json();

		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(aFenMore.status()).isEqualTo(422);
		assertThat(aFenMore.code()).isEqualTo("EXCEEDS_AGREEMENT");
		assertThat(aFenMore.json().get("errors").get(0).get("field").asString()).isEqualTo("amount");
		assertThat(hardware.code()).isEqualTo("EXCEEDS_AGREEMENT");
		assertThat(later.status()).isEqualTo(422);
		assertThat(fields(later)).containsExactly("paidOn");
		assertThat(fields(nothing)).containsExactlyInAnyOrder("amount", "reference");
		assertThat(funds.get("items")).hasSize(1);
		assertThat(funds.get("cash").get("paid").asString()).isEqualTo(money(project.cash()));
		assertThat(funds.get("cash").get("outstanding").asString()).isEqualTo("0.00");
		assertThat(funds.get("hardwareSoftware").get("paid").asString()).isEqualTo("0.00");
		JsonNode history = this.api.get(path(project, "/history"), enterprise).json();
		assertThat(history).filteredOn(entry -> entry.get("action").asString().equals("FUNDS_PAID")).hasSize(1);
	}

	@Test
	void onlyTheProjectsEnterpriseRecordsAPaymentAndOnlyItsUniversityConfirmsIt() {
		Published published = publish(1);
		Project project = published.projects().get(0);
		String enterprise = published.batch().enterprise().token();
		String university = this.api.token(project.universityAdmin());
		String otherEnterprise = new PublishedGuides(this.api, this.batches, this.clock).eligibleEnterprise().token();
		String otherUniversity = this.api
			.token(project.universityAdmin().equals("jlu-admin") ? "nenu-admin" : "jlu-admin");

		Response beforeAgreement = pay(project, enterprise, "CASH", "1.00", yesterday(), "协议前付款");
		inProgress(project, enterprise, university);
		Response byUniversity = pay(project, university, "CASH", "1.00", yesterday(), "高校代付");
		Response byTeacher = pay(project, project.teacherToken(), "CASH", "1.00", yesterday(), "教师代付");
		Response byDepartment = pay(project, this.api.token("dept"), "CASH", "1.00", yesterday(), "教育厅代付");
		Response byOtherEnterprise = pay(project, otherEnterprise, "CASH", "1.00", yesterday(), "他人代付");
		Response paid = pay(project, enterprise, "CASH", "1.00", yesterday(), "首笔");
		String confirm = "/api/v1/disbursements/" + paid.json().get("id").asString() + "/confirm";
		Response confirmedByEnterprise = this.api.post(confirm, enterprise, "{}");
		Response confirmedByOtherUniversity = this.api.post(confirm, otherUniversity, "{}");
		Response fundsOfOtherEnterprise = this.api.get(path(project, "/funds"), otherEnterprise);

		assertThat(beforeAgreement.status()).isEqualTo(409);
		assertThat(byUniversity.status()).isEqualTo(403);
		assertThat(byTeacher.status()).isEqualTo(403);
		assertThat(byDepartment.status()).isEqualTo(403);
		assertThat(byOtherEnterprise.status()).isEqualTo(404);
		assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
		assertThat(confirmedByEnterprise.status()).isEqualTo(403);
		assertThat(confirmedByOtherUniversity.status()).isEqualTo(404);
		assertThat(fundsOfOtherEnterprise.status()).isEqualTo(404);
		assertThat(this.api.get(path(project, "/funds"), enterprise).json().get("items")).hasSize(1);
	}

	@Test
	void pastTheDueDateWithFundsOutstandingTheProjectIsOverdueAndTheDepartmentIsTold() {
		Published published = publish(1);
		Project project = published.projects().get(0);
		String enterprise = published.batch().enterprise().token();
		inProgress(project, enterprise, this.api.token(project.universityAdmin()));
		pay(project, enterprise, "CASH", "1000.00", yesterday(), "首笔");
		JsonNode due = this.api.get(path(project, "/funds"), enterprise).json();
		LocalDate dueOn = LocalDate.parse(due.get("fundsDueOn").asString());
		List<JsonNode> toPay = tasks(enterprise, "FUNDS_TO_PAY");

		this.clock.advance(Duration.ofDays(dueOn.toEpochDay() - LocalDate.now().toEpochDay() + 2));
		String dept = this.api.token("dept");
		JsonNode overdue = this.api.get(path(project, "/funds"), dept).json();
		List<JsonNode> told = tasks(dept, "FUNDS_OVERDUE").stream()
			.filter(task -> task.get("link").asString().endsWith("batchId=" + published.batch().batchId()))
			.toList();

		assertThat(due.get("overdue").asBoolean()).isFalse();
		assertThat(toPay).extracting(task -> task.get("link").asString()).contains("/projects/" + project.id());
		assertThat(overdue.get("overdue").asBoolean()).isTrue();
		assertThat(overdue.get("cash").get("outstanding").asString())
			.isEqualTo(money(project.cash().subtract(new BigDecimal("1000"))));
		assertThat(told).hasSize(1);
		assertThat(told.get(0).get("count").asLong()).isOne();
		assertThat(told.get(0).get("link").asString()).startsWith("/projects?overdueFunds=true&batchId=");
	}

	// Fixtures.

	private Response pay(Project project, String token, String kind, String amount, String paidOn, String reference) {
		return this.api.post(path(project, "/disbursements"), token,
				Map.of("kind", kind, "amount", amount, "paidOn", paidOn, "reference", reference));
	}

	private static String yesterday() {
		return LocalDate.now(PublishedGuides.SHANGHAI).minusDays(1).toString();
	}

	private static String money(BigDecimal amount) {
		return amount.setScale(2).toPlainString();
	}

	private static List<String> fields(Response response) {
		List<String> fields = new java.util.ArrayList<>();
		response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
		return fields;
	}

	private List<JsonNode> tasks(String token, String kind) {
		Response tasks = this.api.get("/api/v1/me/tasks", token);
		assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
		List<JsonNode> found = new java.util.ArrayList<>();
		tasks.json().forEach(task -> {
			if (task.get("kind").asString().equals(kind)) {
				found.add(task);
			}
		});
		return found;
	}

	/** Takes the agreement through submission, check and confirmation. */
	private void inProgress(Project project, String enterprise, String university) {
		assertThat(agreement(project, project.cash().toPlainString()).status()).isEqualTo(200);
		assertThat(this.api.post(path(project, "/agreement/check"), university, "{}").status()).isEqualTo(200);
		Response confirmed = this.api.post(path(project, "/agreement/confirm"), enterprise, "{}");
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
	}

	private static String path(Project project, String rest) {
		return "/api/v1/projects/" + project.id() + rest;
	}

	private Published publish(int count) {
		return this.projects.publish(count);
	}

	private void closeNotice(Response notice) {
		this.projects.closeNotice(notice);
	}

	private Response agreement(Project project, String cash) {
		return this.projects.agreement(project, project.teacherToken(), cash);
	}

}
