package org.xietong.web;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.support.Api;
import org.xietong.support.Chromium;
import org.xietong.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a person does, in real Chromium: sign in through the page and land on the home
 * page, with no Content-Security-Policy violation on the way. Skipped only where no
 * Chromium is installed and never in CI.
 */
@PlatformTest
class BrowserTests {

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
	void theDepartmentOfficerSignsInAndSeesTheDepartmentsHomePage() throws IOException {
		String base = "http://localhost:" + this.port;
		driver.get(base + "/login");
		driver.findElement(By.id("username")).sendKeys("dept");
		driver.findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD);
		driver.findElement(By.id("sign-in")).click();

		new WebDriverWait(driver, Duration.ofSeconds(15)).until(
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=home-DEPARTMENT_OFFICER]")));
		assertThat(driver.getCurrentUrl()).endsWith("/home");
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("省教育厅高教处");
		assertThat(driver.findElement(By.cssSelector("[data-testid=current-user]")).getText()).contains("教育厅业务管理员");
		assertThat(driver.findElement(By.id("my-tasks")).getText()).contains("我的待办");
		assertThat(driver.findElement(By.id("open-batches")).getText()).contains("进行中的批次").contains("当前阶段");
		screenshot("dept-home.png");

		assertThat(Chromium.problems(driver)).as("browser console errors").isEmpty();
	}

	@Test
	void theEnglishPagesWorkOnAPhoneSizedScreen() throws IOException {
		String base = "http://localhost:" + this.port;
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		try {
			driver.get(base + "/lang?to=en&back=/");
			assertThat(driver.findElement(By.tagName("h1")).getText())
				.isEqualTo("Industry–university collaborative education projects");
			screenshot("public-home-phone-en.png");
		}
		finally {
			driver.get(base + "/lang?to=zh-CN&back=/");
			driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
		}
	}

	private static void screenshot(String name) throws IOException {
		Chromium.screenshot(driver, name);
	}

}
