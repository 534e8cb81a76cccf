package org.xietong.shared;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SharedConfiguration {

	/**
	 * Leaves table and column names unquoted, so that one schema serves PostgreSQL and H2
	 * (which folds unquoted names to lower case in our settings) alike.
	 */
	@Bean
	static BeanPostProcessor unquotedIdentifiers() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof RelationalMappingContext context) {
					context.setForceQuote(false);
				}
				return bean;
			}
		};
	}

	@Bean
	MessageSource messageSource() {
		return new ModuleMessages();
	}

	@Bean
	JdbcCustomConversions jdbcCustomConversions() {
		return new JdbcCustomConversions(List.of(Money.ToBigDecimal.INSTANCE, Money.FromBigDecimal.INSTANCE));
	}

	@Bean
	MovableClock clock(XietongProperties properties) {
		return new MovableClock(Clock.system(properties.timeZone()));
	}

}
