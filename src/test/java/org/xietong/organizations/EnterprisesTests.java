package org.xietong.organizations;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

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

/**
 * Registration, documents, the department's review and the defaulters' list, through the
 * API.
 */
@PlatformTest
class EnterprisesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	String dept;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.dept = this.api.token("dept");
	}

	@Test
	void registeringCreatesTheEnterpriseAndItsContactAccountPendingReview() {
		String username = Samples.unique("ent");
		Response registered = this.api.post("/api/v1/enterprises", null,
				Samples.registration(username, LocalDate.of(2015, 1, 1)));

		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.json().get("status").asString()).isEqualTo("PENDING_REVIEW");
		assertThat(registered.json().get("registeredCapital").asString()).isEqualTo("5000000.00");
		String token = this.api.token(username, "Secret#2024");
		Response me = this.api.get("/api/v1/me", token);
		assertThat(me.json().get("role").asString()).isEqualTo("ENTERPRISE_CONTACT");
		assertThat(me.json().get("organizationId").asString()).isEqualTo(registered.json().get("id").asString());
	}

	@Test
	void aBadRegistrationNamesEveryFieldAndCreatesNothing() {
		String username = Samples.unique("ent");
		Map<String, Object> body = Samples.registration(username, LocalDate.of(2015, 1, 1));
		String code = (String) body.get("creditCode");
		body.put("creditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
		body.put("contact", Map.of("name", "李四", "phone", "call me", "email", "not-an-address"));
		body.put("legalRepresentative", "");
		body.put("password", "weak");

		Response refused = this.api.post("/api/v1/enterprises", null, body);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").values().stream().map(e -> e.get("field").asString()))
			.contains("creditCode", "contact.phone", "contact.email", "legalRepresentative", "password");
		assertThat(refused.json().get("errors").values().stream().map(e -> e.get("code").asString()))
			.contains("CREDIT_CODE_CHECK_DIGIT");
		assertThat(count("SELECT COUNT(*) FROM users WHERE username = '" + username + "'")).isZero();
		assertThat(count("SELECT COUNT(*) FROM enterprises WHERE credit_code = '" + code.substring(0, 17) + "0'"))
			.isZero();
	}

	@Test
	void aCreditCodeCanBeRegisteredOnlyOnce() {
		Map<String, Object> first = Samples.registration(Samples.unique("ent"), LocalDate.of(2015, 1, 1));
		this.api.post("/api/v1/enterprises", null, first);
		Map<String, Object> second = Samples.registration(Samples.unique("ent"), LocalDate.of(2015, 1, 1));
		second.put("creditCode", first.get("creditCode"));

		Response refused = this.api.post("/api/v1/enterprises", null, second);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("code").asString()).isEqualTo("CREDIT_CODE_TAKEN");
	}

	@Test
	void theDepartmentReturnsTheEnterpriseCorrectsAndResubmitsAndTheDepartmentApproves() {
		Registered enterprise = register();
		Response returned = this.api.post("/api/v1/enterprises/" + enterprise.id() + "/return", this.dept,
				Map.of("reason", "营业执照不清晰"));
		assertThat(returned.json().get("status").asString()).isEqualTo("RETURNED");
		assertThat(returned.json().get("reviewReason").asString()).isEqualTo("营业执照不清晰");

		Map<String, Object> corrected = Samples.registration("ignored", LocalDate.of(2015, 1, 1));
		corrected.put("creditCode", enterprise.creditCode());
		corrected.put("name", "更正后的名称有限公司");
		corrected.put("version", returned.json().get("version").asLong());
		Response put = this.api.put("/api/v1/enterprises/" + enterprise.id(), enterprise.token(), corrected);
		assertThat(put.status()).isEqualTo(200);
		assertThat(put.json().get("name").asString()).isEqualTo("更正后的名称有限公司");
		assertThat(this.api.post("/api/v1/enterprises/" + enterprise.id() + "/resubmit", enterprise.token(), "{}")
			.json()
			.get("status")
			.asString()).isEqualTo("PENDING_REVIEW");

		Response approved = this.api.post("/api/v1/enterprises/" + enterprise.id() + "/approve", this.dept, "{}");
		assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(count("SELECT COUNT(*) FROM audit_entries WHERE subject_id = '" + enterprise.id() + "'"))
			.isGreaterThanOrEqualTo(5);
	}

	@Test
	void aStaleVersionIsAConflict() {
		Registered enterprise = register();
		Map<String, Object> corrected = Samples.registration("ignored", LocalDate.of(2015, 1, 1));
		corrected.put("creditCode", enterprise.creditCode());
		corrected.put("version", 99);

		Response refused = this.api.put("/api/v1/enterprises/" + enterprise.id(), enterprise.token(), corrected);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("VERSION_CONFLICT");
	}

	@Test
	void anEnterpriseCannotApproveItself() {
		Registered enterprise = register();

		Response refused = this.api.post("/api/v1/enterprises/" + enterprise.id() + "/approve", enterprise.token(),
				"{}");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/enterprises/" + enterprise.id(), this.dept).json().get("status").asString())
			.isEqualTo("PENDING_REVIEW");
	}

	@Test
	void anotherEnterpriseCannotSeeOrChangeARegistration() {
		Registered mine = register();
		Registered theirs = register();

		assertThat(this.api.get("/api/v1/enterprises/" + mine.id(), theirs.token()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/enterprises/" + mine.id() + "/documents", theirs.token()).status())
			.isEqualTo(404);
		assertThat(this.api
			.upload("/api/v1/enterprises/" + mine.id() + "/documents", theirs.token(), Map.of("kind", "CREDIT_REPORT"),
					"report.pdf", Samples.pdf())
			.status()).isEqualTo(404);
		Response list = this.api.get("/api/v1/enterprises", theirs.token());
		assertThat(list.json().get("items").size()).isOne();
		assertThat(list.json().get("items").get(0).get("id").asString()).isEqualTo(theirs.id());
	}

	@Test
	void documentsAreJudgedByContentAndReadableOnlyByTheEnterpriseAndTheDepartment() {
		Registered enterprise = register();
		String path = "/api/v1/enterprises/" + enterprise.id() + "/documents";

		Response fake = this.api.upload(path, enterprise.token(), Map.of("kind", "CREDIT_REPORT"), "report.pdf",
				"MZ this is an executable".getBytes());
		assertThat(fake.status()).isEqualTo(415);
		assertThat(fake.code()).isEqualTo("FILE_TYPE_NOT_ALLOWED");

		Response uploaded = this.api.upload(path, enterprise.token(), Map.of("kind", "CREDIT_REPORT"), "信用报告.pdf",
				Samples.pdf());
		assertThat(uploaded.status()).isEqualTo(201);
		assertThat(uploaded.json().get("mediaType").asString()).isEqualTo("application/pdf");
		String download = path + "/" + uploaded.json().get("id").asString();

		HttpResponse<byte[]> byDepartment = this.api.download(download, this.dept);
		assertThat(byDepartment.statusCode()).isEqualTo(200);
		assertThat(byDepartment.body()).isEqualTo(Samples.pdf());
		assertThat(this.api.download(download, enterprise.token()).statusCode()).isEqualTo(200);
		assertThat(this.api.download(download, this.api.token("sysadmin")).statusCode()).isEqualTo(403);
		assertThat(this.api.download(download, this.api.token("jlu-teacher1")).statusCode()).isEqualTo(403);
		assertThat(this.api.download(download, this.api.token("ent-auto")).statusCode()).isEqualTo(404);
	}

	@Test
	void anUnknownDocumentKindIsRefused() {
		Registered enterprise = register();
		Response refused = this.api.upload("/api/v1/enterprises/" + enterprise.id() + "/documents", enterprise.token(),
				Map.of("kind", "PHOTO"), "x.pdf", Samples.pdf());
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
	}

	@Test
	void theDefaultersListTakesAnEnterpriseOnAndOffWithReasons() {
		Registered enterprise = register();
		this.api.post("/api/v1/enterprises/" + enterprise.id() + "/approve", this.dept, "{}");

		Response noReason = this.api.post("/api/v1/enterprises/" + enterprise.id() + "/blacklist", this.dept,
				Map.of("reason", " "));
		assertThat(noReason.status()).isEqualTo(422);

		Response listed = this.api.post("/api/v1/enterprises/" + enterprise.id() + "/blacklist", this.dept,
				Map.of("reason", "违约未拨付经费"));
		assertThat(listed.json().get("status").asString()).isEqualTo("BLACKLISTED");
		assertThat(listed.json().get("blacklistReason").asString()).isEqualTo("违约未拨付经费");
		assertThat(this.api
			.upload("/api/v1/enterprises/" + enterprise.id() + "/documents", enterprise.token(),
					Map.of("kind", "CREDIT_REPORT"), "r.pdf", Samples.pdf())
			.status()).isEqualTo(409);

		Response delisted = this.api.post("/api/v1/enterprises/" + enterprise.id() + "/unblacklist", this.dept,
				Map.of("reason", "已整改"));
		assertThat(delisted.json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(count("SELECT COUNT(*) FROM defaulter_entries WHERE enterprise_id = '" + enterprise.id() + "'"))
			.isEqualTo(2);
	}

	@Test
	void aRejectedEnterpriseCannotBeApprovedLater() {
		Registered enterprise = register();
		this.api.post("/api/v1/enterprises/" + enterprise.id() + "/reject", this.dept, Map.of("reason", "不符合条件"));

		Response refused = this.api.post("/api/v1/enterprises/" + enterprise.id() + "/approve", this.dept, "{}");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("ILLEGAL_TRANSITION");
	}

	@Test
	void theDepartmentsQueueListsEnterprisesPendingReview() {
		Registered enterprise = register();

		Response queue = this.api.get("/api/v1/enterprises?status=PENDING_REVIEW&size=200", this.dept);

		assertThat(queue.status()).isEqualTo(200);
		assertThat(queue.json().get("items").values().stream().map(e -> e.get("id").asString()))
			.contains(enterprise.id());
		assertThat(queue.json().get("items").values().stream().map(e -> e.get("status").asString()))
			.containsOnly("PENDING_REVIEW");
		assertThat(this.api.get("/api/v1/enterprises", this.api.token("sysadmin")).status()).isEqualTo(403);
	}

	private Registered register() {
		String username = Samples.unique("ent");
		Map<String, Object> body = Samples.registration(username, LocalDate.of(2015, 1, 1));
		Response registered = this.api.post("/api/v1/enterprises", null, body);
		assertThat(registered.status()).isEqualTo(201);
		return new Registered(registered.json().get("id").asString(), (String) body.get("creditCode"),
				this.api.token(username, "Secret#2024"));
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	record Registered(String id, String creditCode, String token) {
	}

}
