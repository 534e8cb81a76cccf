package org.xietong.approvals;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
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
import org.xietong.support.RecommendedApplications;
import org.xietong.support.RecommendedApplications.Recommended;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The department's approval in real Chromium under the strict Content-Security-Policy: it
 * selects every recommendation, approves them at once, opens the approval notice and,
 * once the notice has closed, publishes; the public list then shows the projects in
 * Chinese and in English, and the leader's project page renders. Nothing breaks the
 * policy or the console.
 */
@PlatformTest
class ApprovalBrowserTests {

	private static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	BatchManagement batches;

	@Autowired
	MovableClock clock;

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
	void theDepartmentApprovesNoticesAndPublishesOnItsPagesAndThePublicReadsTheListInBothLanguages()
			throws IOException {
		Api api = new Api(this.port);
		Recommended batch = new RecommendedApplications(api, this.batches, this.clock).recommend(null, 2, "CURRICULUM");
		String base = api.base();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		String queue = base + "/department/approvals?batchId=" + batch.batchId();

		signIn(base, "dept", Api.DEMO_PASSWORD, wait);
		driver.get(queue);
		driver.findElement(By.cssSelector("input[data-select-all]")).click();
		assertThat(driver.findElements(By.cssSelector("input[name=applicationId]:checked"))).hasSize(2);
		driver.findElement(By.cssSelector("input[name=action][value=APPROVE_GENERAL]")).click();
		driver.findElement(By.cssSelector("[data-testid=decide]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=open-notice-button]")));
		assertThat(driver.findElements(By.cssSelector("[data-testid=state]")))
			.allSatisfy(state -> assertThat(state.getText()).isEqualTo("拟立项（一般）"));
		Chromium.screenshot(driver, "approvals-queue.png");
		driver.findElement(By.cssSelector("[data-testid=open-notice-button]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=publish-blockers]")));
		assertThat(Chromium.problems(driver)).isEmpty();

		// The notice runs out and the department closes it.
		String dept = api.token("dept");
		String noticeId = api.get("/api/v1/notices?batchId=" + batch.batchId() + "&kind=APPROVALS", dept)
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		Duration before = this.clock.offset();
		this.clock.advance(Duration.ofDays(20));
		Response closed = api.post("/api/v1/notices/" + noticeId + "/close", api.token("dept"), "{}");
		this.clock.advance(before.minus(this.clock.offset()));
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);

		driver.get(queue);
		driver.findElement(By.cssSelector("[data-testid=publish] input[name=confirm]")).click();
		driver.findElement(By.cssSelector("[data-testid=publish-button]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=publish-blockers]")));
		assertThat(Chromium.problems(driver)).isEmpty();
		List<String> numbers = api.get("/api/v1/batches/" + batch.batchId() + "/approvals", null)
			.json()
			.get("items")
			.valueStream()
			.map(item -> item.get("projectNumber").asString())
			.toList();
		assertThat(numbers).hasSize(2);

		driver.manage().deleteAllCookies();
		driver.get(base + "/approvals/" + batch.batchId());
		assertThat(driver.getPageSource()).contains(numbers.get(0)).contains(numbers.get(1)).contains("下载 Excel");
		Chromium.screenshot(driver, "approvals-public-zh.png");
		driver.manage().addCookie(new Cookie("lang", "en"));
		driver.get(base + "/approvals/" + batch.batchId());
		assertThat(driver.getPageSource()).contains("approval list")
			.contains("Download Excel")
			.contains(numbers.get(0));
		Chromium.screenshot(driver, "approvals-public-en.png");
		assertThat(Chromium.problems(driver)).isEmpty();

		String projectId = api.get("/api/v1/batches/" + batch.batchId() + "/approvals", null)
			.json()
			.get("items")
			.get(0)
			.get("projectId")
			.asString();
		String leader = api.get("/api/v1/projects/" + projectId, dept).json().get("leaderId").asString();
		String username = batch.applications()
			.stream()
			.filter(item -> item.teacherId().equals(leader))
			.map(item -> api.get("/api/v1/me", item.teacherToken()).json().get("username").asString())
			.findFirst()
			.orElseThrow();
		driver.manage().deleteAllCookies();
		signIn(base, username, "Changed#2025", wait);
		driver.get(base + "/projects/" + projectId);
		assertThat(driver.findElement(By.cssSelector("[data-testid=agreement-form]")).isDisplayed()).isTrue();
		Chromium.screenshot(driver, "project-agreement.png");
		assertThat(Chromium.problems(driver)).isEmpty();
	}

	private static void signIn(String base, String username, String password, WebDriverWait wait) {
		driver.get(base + "/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.urlContains("/home"));
	}

}
