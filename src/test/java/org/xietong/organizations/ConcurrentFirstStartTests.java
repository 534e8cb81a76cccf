package org.xietong.organizations;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xietong.XietongApplication;
import org.xietong.shared.ServerKey;
import org.xietong.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances started at the same moment on an empty database and a new data folder
 * (production settings, no demo): both start, one first administrator is made, the
 * calendars are loaded once, and both sign with the same key.
 */
class ConcurrentFirstStartTests {

	@TempDir
	Path home;

	@Test
	void twoInstancesStartingTogetherOnAnEmptyDatabaseBothStartWithOneAdministratorAndOneKey() throws Exception {
		String url = TestDatabase.emptyDatabase();
		List<CompletableFuture<ConfigurableApplicationContext>> starting = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			starting.add(CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(XietongApplication.class).run(
					"--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--spring.datasource.password=postgres", "--xietong.home=" + this.home,
					"--xietong.bootstrap.admin-password=First#Start2024", "--xietong.mail.dispatch-initial-delay=PT24H",
					"--xietong.applications.reminder-initial-delay=PT24H", "--xietong.mail.digest-cron=-")));
		}
		List<ConfigurableApplicationContext> contexts = new ArrayList<>();
		try {
			List<Throwable> failures = new ArrayList<>();
			for (CompletableFuture<ConfigurableApplicationContext> instance : starting) {
				try {
					contexts.add(instance.join());
				}
				catch (RuntimeException ex) {
					failures.add(ex);
				}
			}
			assertThat(failures).as("both instances start").isEmpty();
			JdbcClient jdbc = contexts.get(0).getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE role = 'SYSTEM_ADMIN'").query(Long.class).single())
				.isOne();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE username = 'sysadmin'").query(Long.class).single())
				.isOne();
			assertThat(contexts.get(1).getBean(ServerKey.class).keyId())
				.isEqualTo(contexts.get(0).getBean(ServerKey.class).keyId());
		}
		finally {
			contexts.forEach(ConfigurableApplicationContext::close);
		}
	}

}
