package org.xietong.database;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.xietong.shared.XietongProperties;
import org.xietong.support.PlatformTest;
import org.xietong.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** With a database URL configured, as in production, nothing embedded starts. */
@PlatformTest
class ExternalDatabaseTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	@Autowired
	XietongProperties properties;

	@Test
	void aConfiguredDatabaseUrlMeansNoEmbeddedServerAndNoPostgresFolderInTheDataFolder() {
		assertThat(this.environment.getProperty("spring.datasource.url")).isEqualTo(TestDatabase.jdbcUrl());
		assertThat(this.context.containsBean(EmbeddedDatabaseInitializer.BEAN_NAME)).isFalse();
		assertThat(this.context.getBeansOfType(EmbeddedDatabase.class)).isEmpty();
		Path home = this.properties.home();
		assertThat(home.resolve("postgres")).doesNotExist();
		assertThat(home.resolve("postgres.lock")).doesNotExist();
	}

}
