package org.xietong.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

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
import org.xietong.support.Chromium;
import org.xietong.support.PlatformTest;
import org.xietong.support.PublishedProjects;
import org.xietong.support.PublishedProjects.Published;

/**
 * The department officer's home and statistics pages in real Chromium under the strict
 * Content-Security-Policy: the charts are drawn by ECharts from the page's data, a figure
 * opens its list, the page reads in Chinese and in English, and nothing breaks the policy
 * or the console. Screenshots land in {@code target/screenshots}.
 */
@PlatformTest
class StatisticsBrowserTests {

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

	/**
	 * What ECharts drew in the chart: its categories and values, as the chart holds them.
	 */
	private static String drawn(String testId) {
		Object option = driver.executeScript(
				"var chart = echarts.getInstanceByDom(arguments[0]);"
						+ "var o = chart.getOption(); return JSON.stringify([o.yAxis[0].data, o.series[0].data]);",
				driver.findElement(By.cssSelector("[data-testid=" + testId + "]")));
		return String.valueOf(option);
	}

	@Test
	void theOfficerSeesTheHomeAndTheBatchsChartsDrawnAndOpensAFiguresList() throws IOException {
		Api api = new Api(this.port);
		Published published = new PublishedProjects(api, this.batches, this.clock).publish(2);
		String base = api.base();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));

		driver.get(base + "/login");
		driver.findElement(By.id("username")).sendKeys("dept");
		driver.findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD);
		driver.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.urlContains("/home"));
		assertThat(driver.findElement(By.cssSelector("[data-testid=home-DEPARTMENT_OFFICER]")).isDisplayed()).isTrue();
		Chromium.screenshot(driver, "home-department.png");
		assertThat(Chromium.problems(driver)).isEmpty();

		driver.get(base + "/department/statistics?batchId=" + published.batch().batchId());
		int charts = driver.findElements(By.cssSelector("[data-chart]")).size();
		assertThat(charts).isGreaterThanOrEqualTo(4);
		wait.until(d -> d.findElements(By.cssSelector("[data-chart][data-drawn=true] canvas")).size() == charts);
		assertThat(drawn("chart-funnel")).contains("批准立项").contains("2");
		Chromium.screenshot(driver, "statistics-department-zh.png");
		driver.executeScript("document.querySelector('.charts').scrollIntoView()");
		Chromium.screenshot(driver, "statistics-department-charts.png");
		assertThat(Chromium.problems(driver)).isEmpty();

		driver.findElement(By.cssSelector("[data-section=applications] a[data-measure='applications.approved']"))
			.click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=list-total]")));
		assertThat(driver.findElement(By.cssSelector("[data-testid=list-total]")).getAttribute("data-total"))
			.isEqualTo("2");
		assertThat(driver.findElements(By.cssSelector("table.table tbody tr"))).hasSize(2);

		driver.manage().addCookie(new Cookie("lang", "en"));
		driver.get(base + "/department/statistics?batchId=" + published.batch().batchId());
		wait.until(d -> d.findElements(By.cssSelector("[data-chart][data-drawn=true] canvas")).size() == charts);
		assertThat(drawn("chart-funnel")).contains("Approved");
		Chromium.screenshot(driver, "statistics-department-en.png");
		assertThat(Chromium.problems(driver)).isEmpty();
	}

}
