package org.xietong.support;

import java.nio.file.Path;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at the run's PostgreSQL and a data folder under {@code target/}.
 */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues
			.of("spring.datasource.url=" + TestDatabase.jdbcUrl(), "spring.datasource.username=postgres",
					"spring.datasource.password=postgres", "spring.datasource.hikari.connection-timeout=2000",
					// Tests send mail by calling MailOutbox.dispatch(); no background
					// dispatcher races them.
					"xietong.mail.dispatch-initial-delay=PT24H", "xietong.applications.reminder-initial-delay=PT24H",
					// Nor digests at 08:00: tests call MailDigests.sendDigests().
					"xietong.mail.digest-cron=-", "xietong.metrics.token=test-metrics-credential",
					"xietong.home=" + Path.of("target", "test-home").toAbsolutePath())
			.applyTo(context);
	}

}
