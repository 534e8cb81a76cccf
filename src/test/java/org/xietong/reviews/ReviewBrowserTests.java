package org.xietong.reviews;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.batches.BatchManagement;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Api.Response;
import org.xietong.support.Chromium;
import org.xietong.support.PlatformTest;
import org.xietong.support.PublishedGuides;
import org.xietong.support.PublishedGuides.Batch;
import org.xietong.support.PublishedGuides.Teacher;
import org.xietong.support.Samples;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review pages in real Chromium under the strict Content-Security-Policy: the expert
 * accepts and its draft saves itself as it types (a score out of range is refused in
 * place); the enterprise's weights add up live, the automatic plan previews through htmx,
 * and the selection asks for a reason only when it departs from the ranking and stops at
 * the guide's projects. Nothing breaks the policy or the console.
 */
@PlatformTest
class ReviewBrowserTests {

	private static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

	Api api;

	@BeforeAll
	static void startBrowser() throws IOException {
		driver = Chromium.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theExpertsScoringPageAndTheEnterprisesReviewPageRunWithoutPolicyOrConsoleErrors() throws IOException {
		this.api = new Api(this.port);
		PublishedGuides guides = new PublishedGuides(this.api, this.batches, this.clock);
		Batch batch = guides
			.batch(new org.xietong.batches.BatchRules.Overrides(null, null, null, null, null, null, null, null, null,
					java.util.Optional.empty(), java.util.Optional.empty(), null, null, null, null, null, null, null),
					"100000.00", 2, "CURRICULUM");
		String guideId = batch.guideIds().get(0);
		List<String> applications = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Teacher teacher = guides.teacher((i == 0) ? "jlu-admin" : "nenu-admin");
			String id = this.api
				.post("/api/v1/guides/" + guideId + "/applications", teacher.token(),
						PublishedGuides.application("浏览器评审申报 " + Samples.unique("r")))
				.json()
				.get("id")
				.asString();
			this.api.upload("/api/v1/applications/" + id + "/attachments", teacher.token(),
					Map.of("kind", "APPLICATION_FORM"), "申报书.pdf", Samples.pdf());
			this.api.post("/api/v1/applications/" + id + "/submit", teacher.token(), "{}");
			assertThat(this.api
				.post("/api/v1/applications/" + id + "/endorse", this.api.token((i == 0) ? "jlu-admin" : "nenu-admin"),
						"{}")
				.status()).isEqualTo(200);
			applications.add(id);
		}
		// The review begins once the application window has closed (the clock is reset
		// after
		// the test); the enterprise signs in again.
		guides.pastApplicationWindow(batch.id());
		String enterprise = this.api.token(batch.enterprise().username(), "Secret#2024");
		assertThat(this.api
			.put("/api/v1/guides/" + guideId + "/review-plan", enterprise,
					Map.of("criteria",
							List.of(Map.of("name", "创新性", "weight", 60, "maxScore", 10),
									Map.of("name", "可行性", "weight", 40, "maxScore", 100)),
							"expertsPerApplication", 1))
			.status()).isEqualTo(200);
		Expert scorer = expert(enterprise);
		for (int i = 0; i < 2; i++) {
			String assignment = assign(enterprise, guideId, applications.get(i), scorer.id());
			this.api.post("/api/v1/assignments/" + assignment + "/accept", scorer.token(), Map.of("noConflict", true));
			assertThat(this.api
				.post("/api/v1/assignments/" + assignment + "/score", scorer.token(),
						Map.of("scores",
								List.of(Map.of("criterion", "创新性", "score", 9 - 2 * i),
										Map.of("criterion", "可行性", "score", 90 - 20 * i)),
								"comment", "论证充分。"))
				.status()).isEqualTo(200);
		}
		Expert browsing = expert(enterprise);
		String assignment = assign(enterprise, guideId, applications.get(2), browsing.id());
		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));

		signIn(base, browsing.username(), "Changed#2025", wait);
		driver.get(base + "/expert/assignments/" + assignment);
		driver.findElement(By.cssSelector("[data-testid=accept] button")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("score-form")));
		driver.findElement(By.id("score-0")).sendKeys("8");
		wait.until(ExpectedConditions.attributeToBe(By.id("draft-status"), "data-state", "saved"));
		assertThat(driver.findElement(By.id("draft-status")).getText()).matches("草稿已保存 \\d{2}:\\d{2}:\\d{2}");
		assertThat(Chromium.problems(driver)).isEmpty();
		WebElement score = driver.findElement(By.id("score-0"));
		score.clear();
		score.sendKeys("11");
		wait.until(ExpectedConditions.attributeToBe(By.id("draft-status"), "data-state", "invalid"));
		assertThat(driver.findElement(By.id("draft-status")).getText()).contains("分数超出该指标的范围");
		Chromium.screenshot(driver, "review-scoring.png");
		// Chromium logs every 4xx answer; the refused draft's 422 is the one expected.
		assertThat(Chromium.problems(driver))
			.allSatisfy(entry -> assertThat(entry.getMessage()).contains("/expert/assignments/" + assignment + "/score")
				.contains("status of 422"));

		driver.manage().deleteAllCookies();
		signIn(base, batch.enterprise().username(), "Secret#2024", wait);
		driver.get(base + "/enterprise/reviews/" + guideId);
		WebElement weight = driver.findElement(By.cssSelector("#criteria-rows input[data-weight]"));
		weight.clear();
		weight.sendKeys("50");
		wait.until(ExpectedConditions.textToBe(By.id("weight-sum"), "权重合计 90 / 100"));
		assertThat(driver.findElement(By.id("weight-sum")).getDomAttribute("class")).contains("bad");
		driver.findElement(By.cssSelector("[data-testid=add-criterion]")).click();
		assertThat(driver.findElements(By.cssSelector("#criteria-rows tr[data-row]"))).hasSize(3);
		driver.findElement(By.cssSelector("#criteria-rows tr[data-row]:last-child input[data-weight]")).sendKeys("10");
		wait.until(ExpectedConditions.textToBe(By.id("weight-sum"), "权重合计 100 / 100"));

		driver.findElement(By.cssSelector("[data-testid=auto-preview]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("auto-plan"), "无需分配"));
		assertThat(driver.getCurrentUrl()).endsWith("/enterprise/reviews/" + guideId);

		WebElement reason = driver.findElement(By.id("selection-reason"));
		assertThat(reason.isDisplayed()).isFalse();
		box(applications.get(1)).click();
		assertThat(reason.isDisplayed()).as("the second is chosen over the first").isTrue();
		box(applications.get(2)).click();
		assertThat(box(applications.get(0)).isEnabled()).as("two of two projects are chosen").isFalse();
		assertThat(driver.findElement(By.id("selection-count")).getText()).isEqualTo("已选 2 项，最多 2 项");
		box(applications.get(1)).click();
		assertThat(box(applications.get(0)).isEnabled()).isTrue();
		box(applications.get(0)).click();
		assertThat(reason.isDisplayed()).as("the first and the third are chosen, the second left out").isTrue();
		Chromium.screenshot(driver, "review-enterprise.png");
		assertThat(Chromium.problems(driver)).isEmpty();
	}

	private static WebElement box(String applicationId) {
		return driver
			.findElement(By.cssSelector("#selection-form input[type=checkbox][value='" + applicationId + "']"));
	}

	private static void signIn(String base, String username, String password, WebDriverWait wait) {
		driver.get(base + "/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.urlContains("/home"));
	}

	/** A new expert of the enterprise's pool. */
	private Expert expert(String enterprise) {
		String username = Samples.unique("rbx");
		Response created = this.api.post("/api/v1/experts", enterprise,
				Map.of("displayName", "浏览器专家" + Samples.unique("e"), "username", username, "password", "Initial#2024",
						"affiliation", Map.of("name", "某研究院"), "fields", List.of("人工智能")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		this.api.post("/api/v1/me/password", this.api.token(username, "Initial#2024"),
				Map.of("currentPassword", "Initial#2024", "newPassword", "Changed#2025"));
		return new Expert(created.json().get("id").asString(), username, this.api.token(username, "Changed#2025"));
	}

	private String assign(String enterprise, String guideId, String application, String expertId) {
		Response assigned = this.api.post("/api/v1/applications/" + application + "/assignments", enterprise,
				Map.of("expertId", expertId));
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
		for (JsonNode item : this.api.get("/api/v1/assignments?guideId=" + guideId + "&size=200", enterprise)
			.json()
			.get("items")) {
			if (item.get("applicationId").asString().equals(application)
					&& item.get("expertId").asString().equals(expertId)) {
				return item.get("id").asString();
			}
		}
		throw new AssertionError("no assignment");
	}

	private record Expert(String id, String username, String token) {
	}

}
