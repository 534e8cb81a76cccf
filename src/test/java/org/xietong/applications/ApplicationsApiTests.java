package org.xietong.applications;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.xietong.support.PublishedGuides;
import org.xietong.support.PublishedGuides.Batch;
import org.xietong.support.PublishedGuides.Teacher;
import org.xietong.support.Samples;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application from the teacher's draft through its submission, receipt and the
 * university's endorsement to the enterprise, over HTTP as a client would.
 */
@PlatformTest
class ApplicationsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	Api api;

	PublishedGuides guides;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.guides = new PublishedGuides(this.api, this.batches, this.clock);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aCompleteApplicationIsSubmittedWithASignedReceiptEndorsedAndThenSeenByTheEnterprise() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		Teacher teacher = this.guides.teacher("jlu-admin");
		String id = draft(batch, teacher, "智能网联汽车课程建设");
		attachForm(id, teacher);

		Response check = this.api.get("/api/v1/applications/" + id + "/submission", teacher.token());
		assertThat(check.json().get("canSubmit").asBoolean()).as(check.toString()).isTrue();
		assertThat(check.json().get("applicationsThisYear").get("used").asLong()).isZero();
		assertThat(check.json().get("applicationsThisYear").get("limit").asInt()).isEqualTo(3);
		assertThat(check.json().get("window").get("open").asBoolean()).isTrue();

		Response submitted = this.api.post("/api/v1/applications/" + id + "/submit", teacher.token(), "{}");
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
		assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
		String number = submitted.json().get("number").asString();
		assertThat(number).matches(".+-\\d{6}");
		String receiptNumber = submitted.json().get("receipt").get("number").asString();
		assertThat(receiptNumber).isEqualTo(number + "-1");
		String digest = submitted.json().get("receipt").get("digest").asString();
		assertThat(digest).matches("[0-9a-f]{64}");
		String content = submitted.json().get("receipt").get("content").asString();
		assertThat(content).contains("智能网联汽车课程建设").contains(Samples.pdfSha256());

		Response verified = this.api.get("/api/v1/verify/receipts/" + receiptNumber + "?digest=" + digest, null);
		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.json().get("valid").asBoolean()).isTrue();
		assertThat(verified.json().get("title").asString()).isEqualTo("智能网联汽车课程建设");

		String enterprise = batch.enterprise().token();
		assertThat(this.api.get("/api/v1/applications/" + id, enterprise).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/applications?guideId=" + batch.guideIds().get(0), enterprise)
			.json()
			.get("total")
			.asLong()).isZero();

		Response endorsed = this.api.post("/api/v1/applications/" + id + "/endorse", this.api.token("jlu-admin"), "{}");
		assertThat(endorsed.status()).as(endorsed.toString()).isEqualTo(200);
		assertThat(endorsed.json().get("status").asString()).isEqualTo("ENDORSED");

		Response seen = this.api.get("/api/v1/applications?guideId=" + batch.guideIds().get(0), enterprise);
		assertThat(seen.json().get("total").asLong()).isEqualTo(1);
		assertThat(seen.json().get("items").get(0).get("id").asString()).isEqualTo(id);
		assertThat(this.api.get("/api/v1/applications/" + id, enterprise).status()).isEqualTo(200);
	}

	@Test
	void theWindowTakesItsFirstAndLastSecondAndRefusesTheSecondsAround() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant opens = now.plus(Duration.ofHours(1));
		Instant closes = now.plus(Duration.ofHours(5));
		this.guides.window(batch, opens, closes);
		Teacher early = this.guides.teacher("jlu-admin");
		Teacher first = this.guides.teacher("jlu-admin");
		Teacher last = this.guides.teacher("nenu-admin");
		Teacher late = this.guides.teacher("nenu-admin");
		String earlyId = ready(batch, early);
		String firstId = ready(batch, first);
		String lastId = ready(batch, last);
		String lateId = ready(batch, late);

		this.clock.set(opens.minusSeconds(1));
		Response tooEarly = this.api.post("/api/v1/applications/" + earlyId + "/submit", early.token(), "{}");
		this.clock.set(opens);
		Response atOpening = this.api.post("/api/v1/applications/" + firstId + "/submit", first.token(), "{}");
		this.clock.set(closes);
		Response atTheLastSecond = this.api.post("/api/v1/applications/" + lastId + "/submit", last.token(), "{}");
		this.clock.set(closes.plusSeconds(1));
		Response tooLate = this.api.post("/api/v1/applications/" + lateId + "/submit", late.token(), "{}");

		assertThat(tooEarly.status()).isEqualTo(409);
		assertThat(tooEarly.code()).isEqualTo("WINDOW_CLOSED");
		assertThat(atOpening.status()).as(atOpening.toString()).isEqualTo(200);
		assertThat(atTheLastSecond.status()).as(atTheLastSecond.toString()).isEqualTo(200);
		assertThat(tooLate.status()).isEqualTo(409);
		assertThat(tooLate.code()).isEqualTo("WINDOW_CLOSED");
		String shownClose = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.format(closes.atZone(PublishedGuides.SHANGHAI));
		String shownArrival = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.format(closes.plusSeconds(1).atZone(PublishedGuides.SHANGHAI));
		assertThat(tooLate.json().get("detail").asString()).contains(shownClose).contains(shownArrival);
		assertThat(this.api.get("/api/v1/applications/" + lateId, late.token()).json().get("status").asString())
			.isEqualTo("DRAFT");
	}

	@Test
	void aReceiptWithOneCharacterOfItsDigestChangedOrAnUnknownNumberIsNotValid() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		Teacher teacher = this.guides.teacher("jlu-admin");
		String id = ready(batch, teacher);
		Response submitted = this.api.post("/api/v1/applications/" + id + "/submit", teacher.token(), "{}");
		String number = submitted.json().get("receipt").get("number").asString();
		String digest = submitted.json().get("receipt").get("digest").asString();
		char last = digest.charAt(63);
		String changed = digest.substring(0, 63) + (last == '0' ? '1' : '0');

		Response good = this.api.get("/api/v1/verify/receipts/" + number + "?digest=" + digest, null);
		Response bad = this.api.get("/api/v1/verify/receipts/" + number + "?digest=" + changed, null);
		Response unknown = this.api.get("/api/v1/verify/receipts/XX-0000-000000-1?digest=" + digest, null);

		assertThat(good.json().get("valid").asBoolean()).isTrue();
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.json().get("valid").asBoolean()).isFalse();
		assertThat(bad.json().get("title").isNull()).isTrue();
		assertThat(unknown.json().get("valid").asBoolean()).isFalse();
	}

	@Test
	void theReceiptDownloadsAsAPdfThatStatesItsNumberAndDigestInChinese() throws Exception {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		Teacher teacher = this.guides.teacher("jlu-admin");
		String id = ready(batch, teacher);
		Response submitted = this.api.post("/api/v1/applications/" + id + "/submit", teacher.token(), "{}");
		String number = submitted.json().get("receipt").get("number").asString();

		var pdf = this.api.download("/api/v1/applications/" + id + "/receipt.pdf", teacher.token());

		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		try (var reader = new com.lowagie.text.pdf.PdfReader(pdf.body())) {
			assertThat(reader.getNumberOfPages()).isOne();
			String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
			assertThat(text).contains(number)
				.contains(submitted.json().get("receipt").get("digest").asString().substring(0, 16))
				.contains("申报回执");
		}
		assertThat(this.api.download("/api/v1/applications/" + id + "/receipt.pdf", this.api.token("nenu-admin"))
			.statusCode()).isEqualTo(404);
	}

	@Test
	void anotherUniversitysAdministratorFindsNothingAndMayNotEndorse() {
		Batch batch = this.guides.batch(null, "20000.00", "CURRICULUM");
		Teacher teacher = this.guides.teacher("jlu-admin");
		String id = ready(batch, teacher);
		assertThat(this.api.post("/api/v1/applications/" + id + "/submit", teacher.token(), "{}").status())
			.isEqualTo(200);
		String nenu = this.api.token("nenu-admin");

		assertThat(this.api.get("/api/v1/applications/" + id, nenu).status()).isEqualTo(404);
		assertThat(this.api.post("/api/v1/applications/" + id + "/endorse", nenu, "{}").status()).isEqualTo(404);
		assertThat(this.api.post("/api/v1/applications/" + id + "/return", nenu, Map.of("reason", "x")).status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/v1/applications?batchId=" + batch.id(), nenu).json().get("total").asLong())
			.isZero();
		assertThat(this.api.get("/api/v1/applications/" + id, this.api.token("jlu-admin")).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/applications/" + id, this.api.token("sysadmin")).status()).isEqualTo(403);
	}

	/** Drafts a complete application and answers its id. */
	private String draft(Batch batch, Teacher teacher, String title) {
		Response created = this.api.post("/api/v1/guides/" + batch.guideIds().get(0) + "/applications", teacher.token(),
				PublishedGuides.application(title));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
		return created.json().get("id").asString();
	}

	private void attachForm(String id, Teacher teacher) {
		Response attached = this.api.upload("/api/v1/applications/" + id + "/attachments", teacher.token(),
				Map.of("kind", "APPLICATION_FORM"), "申报书.pdf", Samples.pdf());
		assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
	}

	/** A complete draft with its form attached, ready to submit. */
	private String ready(Batch batch, Teacher teacher) {
		String id = draft(batch, teacher, "课程建设 " + Samples.unique("a"));
		attachForm(id, teacher);
		return id;
	}

}
