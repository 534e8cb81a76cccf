package org.xietong.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium for browser tests, set up as {@code BrowserTests} does: skipped only
 * where no Chromium is installed, and never in CI.
 */
public final class Chromium {

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	/** A new headless browser in Chinese, with its console log kept. */
	public static ChromeDriver start() throws IOException {
		boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
		if (!ci) {
			assumeTrue(Files.isExecutable(CHROMEDRIVER), "Chromium and chromedriver are not installed");
		}
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		Path profile = Files.createTempDirectory("xietong-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1280,900", "--lang=zh-CN", "--user-data-dir=" + profile);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriver driver = new ChromeDriver(options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	/** Console errors and Content-Security-Policy violations since the last call. */
	public static List<LogEntry> problems(ChromeDriver driver) {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getMessage().contains("Content Security Policy")
					|| entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.toList();
	}

	/** Saves what the browser shows under {@code target/screenshots}. */
	public static void screenshot(ChromeDriver driver, String name) throws IOException {
		Path target = Path.of("target", "screenshots", name);
		Files.createDirectories(target.getParent());
		Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

}
