package org.xietong.applications;

import java.io.IOException;
import java.time.Duration;

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
import org.xietong.support.Chromium;
import org.xietong.support.PlatformTest;
import org.xietong.support.PublishedGuides;
import org.xietong.support.PublishedGuides.Batch;
import org.xietong.support.PublishedGuides.Teacher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A teacher applies from a guide's page in real Chromium under the strict
 * Content-Security-Policy: the form saves itself as the teacher types, the budget's total
 * follows the amounts, and nothing on the page breaks the policy or the console.
 */
@PlatformTest
class ApplicationBrowserTests {

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
	void theFormSavesItselfAsTheTeacherTypesAndTheBudgetTotalFollowsTheAmounts() throws IOException {
		PublishedGuides guides = new PublishedGuides(new Api(this.port), this.batches, this.clock);
		Batch batch = guides.batch(null, "20000.00", "CURRICULUM");
		Teacher teacher = guides.teacher("jlu-admin");
		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		driver.get(base + "/login");
		driver.findElement(By.id("username")).sendKeys(teacher.username());
		driver.findElement(By.id("password")).sendKeys("Changed#2025");
		driver.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.urlContains("/home"));

		driver.get(base + "/guides/" + batch.guideIds().get(0));
		driver.findElement(By.cssSelector("[data-testid=apply-button]")).click();
		wait.until(ExpectedConditions.urlMatches(".*/applications/[0-9a-f-]{36}/edit$"));
		String version = driver.findElement(By.id("version")).getDomProperty("value");

		driver.findElement(By.id("title")).sendKeys("智能网联汽车课程建设");
		wait.until(ExpectedConditions.attributeToBe(By.id("autosave-status"), "data-state", "saved"));
		assertThat(driver.findElement(By.id("autosave-status")).getText()).matches("已保存 \\d{2}:\\d{2}:\\d{2}");
		assertThat(Long.parseLong(driver.findElement(By.id("version")).getDomProperty("value")))
			.isGreaterThan(Long.parseLong(version));
		assertThat(driver.findElement(By.cssSelector("[data-testid=missing]")).getText()).doesNotContain("项目名称");

		driver.findElement(By.cssSelector("[data-testid=add-line]")).click();
		driver.findElement(By.cssSelector("#budget-rows input[name=lineCategory]")).sendKeys("设备费");
		WebElement amount = driver.findElement(By.cssSelector("#budget-rows input[name=lineAmount]"));
		amount.sendKeys("25000");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("budget-total"), "¥25,000.00"));
		assertThat(driver.findElement(By.id("budget-total")).getText())
			.isEqualTo("预算合计 ¥25,000.00，该指南每项资助资金 ¥20,000.00，超出 ¥5,000.00");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=panel-budget]"),
				"¥25,000.00"));
		assertThat(driver.findElement(By.cssSelector("[data-testid=countdown]")).getText()).startsWith("距申报截止还有");
		Chromium.screenshot(driver, "application-form.png");

		driver.navigate().refresh();
		assertThat(driver.findElement(By.id("title")).getDomProperty("value")).isEqualTo("智能网联汽车课程建设");
		assertThat(driver.findElement(By.cssSelector("#budget-rows input[name=lineAmount]")).getDomProperty("value"))
			.isEqualTo("25000.00");
		assertThat(Chromium.problems(driver)).isEmpty();
	}

}
