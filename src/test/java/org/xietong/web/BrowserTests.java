package org.xietong.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xietong.support.Api;
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

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static ChromeDriver driver;

	private static Path profile;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
		if (!ci) {
			assumeTrue(Files.isExecutable(CHROMEDRIVER), "Chromium and chromedriver are not installed");
		}
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		profile = Files.createTempDirectory("xietong-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1280,900", "--lang=zh-CN", "--user-data-dir=" + profile);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		driver = new ChromeDriver(options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
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
		screenshot("dept-home.png");

		List<LogEntry> violations = driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getMessage().contains("Content Security Policy")
					|| entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.toList();
		assertThat(violations).as("browser console errors").isEmpty();
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
		Path target = Path.of("target", "screenshots", name);
		Files.createDirectories(target.getParent());
		Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

}
