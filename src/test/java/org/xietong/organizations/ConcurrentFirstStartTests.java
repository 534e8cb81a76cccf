package org.xietong.organizations;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.XietongApplication;
import org.xietong.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first start of an installation (production settings, no demo) on an empty database,
 * raced: bootstraps released at once, as instances starting together run them, make one
 * administrator and none of them fails. (Two whole instances starting together are in
 * {@code MultipleInstancesTests}.)
 */
class ConcurrentFirstStartTests {

	@TempDir
	Path home;

	@Test
	void bootstrapsRacingOnAnEmptyDatabaseAllSucceedAndMakeOneAdministrator() throws Exception {
		String url = TestDatabase.emptyDatabase();
		try (ConfigurableApplicationContext instance = new SpringApplicationBuilder(XietongApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres", "--xietong.home=" + this.home,
				"--xietong.bootstrap.admin-password=First#Start2024", "--xietong.mail.dispatch-initial-delay=PT24H",
				"--xietong.applications.reminder-initial-delay=PT24H", "--xietong.mail.digest-cron=-")) {
			JdbcClient jdbc = instance.getBean(JdbcClient.class);
			assertThat(administrators(jdbc)).as("made on the first start").isOne();

			// The first start again, as a race that cannot miss: no administrator,
			// four bootstraps released at once (each
			// holds two of the pool's ten connections while it waits or works).
			jdbc.sql("DELETE FROM users WHERE role = 'SYSTEM_ADMIN'").update();
			InstallationBootstrap bootstrap = instance.getBean(InstallationBootstrap.class);
			CountDownLatch go = new CountDownLatch(1);
			ExecutorService threads = Executors.newFixedThreadPool(4);
			List<CompletableFuture<Void>> bootstraps = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				bootstraps.add(CompletableFuture.runAsync(() -> {
					try {
						go.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					bootstrap.run(new DefaultApplicationArguments());
				}, threads));
			}
			go.countDown();
			List<Throwable> failed = new ArrayList<>();
			for (CompletableFuture<Void> started : bootstraps) {
				try {
					started.join();
				}
				catch (RuntimeException ex) {
					failed.add(ex);
				}
			}
			threads.shutdown();
			assertThat(failed).as("no bootstrap fails").isEmpty();
			assertThat(administrators(jdbc)).isOne();
		}
	}

	private static long administrators(JdbcClient jdbc) {
		return jdbc.sql("SELECT COUNT(*) FROM users WHERE role = 'SYSTEM_ADMIN'").query(Long.class).single();
	}

}
