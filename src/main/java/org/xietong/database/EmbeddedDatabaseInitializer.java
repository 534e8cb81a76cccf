package org.xietong.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ObjectUtils;
import org.springframework.util.StringUtils;

/**
 * Starts the data folder's embedded PostgreSQL when {@code spring.datasource.url} is not
 * set, and stops it after the connection pool has closed.
 *
 * <p>
 * It decides when the bean factory is post-processed, not when the initializer runs: by
 * then every property source (a test's, the command line's) is in place, so an external
 * database named anywhere means nothing embedded starts.
 */
public class EmbeddedDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String BEAN_NAME = "xietongEmbeddedDatabase";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.addBeanFactoryPostProcessor(new Starter(context.getEnvironment()));
	}

	private record Starter(ConfigurableEnvironment environment) implements BeanFactoryPostProcessor {

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
			if (StringUtils.hasText(this.environment.getProperty("spring.datasource.url"))) {
				return;
			}
			Path home = Path.of(this.environment.getProperty("xietong.home", "./data"));
			EmbeddedDatabase database = EmbeddedDatabase.start(home);
			try {
				String restoreFrom = this.environment.getProperty("xietong.restore-from");
				Path dump = StringUtils.hasText(restoreFrom) ? Path.of(restoreFrom)
						: home.resolve(Restore.DEFAULT_FILE);
				if (Files.exists(dump)) {
					Restore.into(database, dump);
				}
			}
			catch (RuntimeException ex) {
				database.close();
				throw ex;
			}
			Map<String, Object> connection = new LinkedHashMap<>();
			connection.put("spring.datasource.url", database.jdbcUrl());
			connection.put("spring.datasource.username", EmbeddedDatabase.USER);
			connection.put("spring.datasource.password", "");
			this.environment.getPropertySources()
				.addFirst(new MapPropertySource("xietongEmbeddedDatabase", connection));

			RootBeanDefinition definition = new RootBeanDefinition(EmbeddedDatabase.class, () -> database);
			definition.setDestroyMethodName("close");
			((BeanDefinitionRegistry) beanFactory).registerBeanDefinition(BEAN_NAME, definition);
			// Destroyed after the pools that depend on it: the server outlives every
			// connection, so a shutdown never cuts a transaction off mid-commit.
			for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
				BeanDefinition dataSource = beanFactory.getBeanDefinition(name);
				String[] dependsOn = dataSource.getDependsOn();
				dataSource.setDependsOn(
						ObjectUtils.isEmpty(dependsOn) ? new String[] { BEAN_NAME } : append(dependsOn, BEAN_NAME));
			}
		}

		private static String[] append(String[] names, String name) {
			String[] all = Arrays.copyOf(names, names.length + 1);
			all[names.length] = name;
			return all;
		}

	}

}
