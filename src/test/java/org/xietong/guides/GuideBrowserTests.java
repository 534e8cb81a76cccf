package org.xietong.guides;

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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.batches.BatchManagement;
import org.xietong.guides.GuideFixtures.Enterprise;
import org.xietong.shared.MovableClock;
import org.xietong.support.Api;
import org.xietong.support.Chromium;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An enterprise contact types a guide's amounts in real Chromium and sees the type
 * minimum's hint change as it types, under the strict Content-Security-Policy; then saves
 * the guide and finds it on its batch page with the running total.
 */
@PlatformTest
class GuideBrowserTests {

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
	void theHintSaysNotEnoughAtNineThousandNineHundredNinetyNineYuanNinetyNineAndMetAtTenThousand() throws IOException {
		GuideFixtures fixtures = new GuideFixtures(new Api(this.port), this.batches, this.clock);
		String batchId = fixtures.openBatch().id().toString();
		Enterprise enterprise = fixtures.eligibleEnterprise();
		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		driver.get(base + "/login");
		driver.findElement(By.id("username")).sendKeys(enterprise.username());
		driver.findElement(By.id("password")).sendKeys("Secret#2024");
		driver.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.urlContains("/home"));

		driver.get(base + "/batches/" + batchId + "/guides/new");
		new Select(driver.findElement(By.id("type"))).selectByValue("TEACHER_TRAINING");
		WebElement cash = driver.findElement(By.id("cashPerProject"));
		cash.sendKeys("9999.99");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("minimum-hint"), "¥9,999.99"));
		assertThat(driver.findElement(By.id("minimum-hint")).getText())
			.isEqualTo("师资培训项目每项实际支持资金不少于 ¥10,000.00，当前 ¥9,999.99 — 不足");
		Chromium.screenshot(driver, "guide-form-below.png");
		cash.clear();
		cash.sendKeys("10000");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("minimum-hint"), "¥10,000.00 — 符合"));

		driver.findElement(By.id("title")).sendKeys("智能网联汽车测试技术师资培训");
		new Select(driver.findElement(By.id("direction"))).selectByValue("人工智能");
		new Select(driver.findElement(By.id("industry"))).selectByValue("汽车");
		driver.findElement(By.id("description")).sendKeys("面向高校青年教师开展智能网联汽车测试装备实训。");
		driver.findElement(By.id("requirements")).sendKeys("参训教师须承担相关课程教学。");
		driver.findElement(By.cssSelector("[data-testid=save]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=guide-details]")));
		assertThat(driver.findElement(By.cssSelector("[data-testid=notice]")).getText()).isEqualTo("指南已保存为草稿。");

		driver.get(base + "/batches/" + batchId + "/guides");
		assertThat(driver.findElement(By.cssSelector("[data-testid=cash-total]")).getText())
			.contains("本批次实际支持资金合计 ¥10,000.00，最低要求 ¥200,000.00");
		Chromium.screenshot(driver, "guide-batch-page.png");
		driver.get(base + "/catalogue");
		Chromium.screenshot(driver, "guide-catalogue.png");
		assertThat(Chromium.problems(driver)).isEmpty();
	}

}
