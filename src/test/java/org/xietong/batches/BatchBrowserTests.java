package org.xietong.batches;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.support.Api;
import org.xietong.support.Chromium;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The department officer opens a batch through the form in real Chromium and lands on its
 * public page, with no Content-Security-Policy violation on the way.
 */
@PlatformTest
class BatchBrowserTests {

	private static ChromeDriver driver;

	@LocalServerPort
	int port;

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

	@Test
	void theOfficerOpensABatchThroughTheFormAndSeesItsPhases() throws IOException {
		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		driver.get(base + "/login");
		driver.findElement(By.id("username")).sendKeys("dept");
		driver.findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD);
		driver.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.urlContains("/home"));

		driver.get(base + "/batches");
		driver.findElement(By.cssSelector("[data-testid=new-batch]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=batch-form]")));
		assertThat(driver.findElement(By.id("rules.minEnterpriseCash")).getAttribute("value")).isEqualTo("200000.00");
		String code = "B-" + System.nanoTime();
		driver.findElement(By.id("code")).sendKeys(code);
		driver.findElement(By.id("title")).sendKeys("浏览器测试批次");
		WebElement year = driver.findElement(By.id("year"));
		year.clear();
		year.sendKeys("2030");
		setValue("schedule.guideSubmissionOpens", "2030-09-01T00:00:00");
		setValue("schedule.guideSubmissionCloses", "2030-09-20T23:59:59");
		setValue("schedule.applicationOpens", "2030-10-25T00:00:00");
		setValue("schedule.applicationCloses", "2030-11-01T23:59:59");
		setValue("schedule.reviewCloses", "2030-12-15T23:59:59");
		Chromium.screenshot(driver, "batch-form.png");
		driver.findElement(By.cssSelector("[data-testid=batch-form] button[type=submit]")).click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=current-phase]")));
		assertThat(driver.findElement(By.cssSelector("[data-testid=notice]")).getText()).isEqualTo("批次已创建。");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("浏览器测试批次");
		assertThat(driver.findElement(By.cssSelector("[data-testid=current-phase]")).getText()).contains("未开始")
			.contains("距指南征集开始（2030-09-01 00:00）");
		assertThat(driver.findElement(By.cssSelector("[data-testid=phases]")).getText())
			.contains("项目申报 2030-10-25 00:00 2030-11-01 23:59");
		Chromium.screenshot(driver, "batch-page.png");
		assertThat(Chromium.problems(driver)).as("browser console errors").isEmpty();
	}

	/**
	 * Sets a date-time input as a person's picker would; typing into one depends on the
	 * locale.
	 */
	private static void setValue(String id, String value) {
		driver.executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), value);
	}

}
