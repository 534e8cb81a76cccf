package org.xietong.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole platform on a random port, in the demo profile, against the run's real
 * PostgreSQL: tests speak HTTP to it as a client would.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// The notices' automatic close is run by the tests that mean it, not by the minute;
// statistics are
// counted live, so that a test reads what it just did (StatisticsSnapshotsTests keeps
// them).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "xietong.notices.auto-close-cron=-", "xietong.statistics.max-age=PT0S" })
@ActiveProfiles("demo")
@ContextConfiguration(initializers = PostgresInitializer.class)
public @interface PlatformTest {

}
