package org.xietong.shared;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
	MovableClock clock(XietongProperties properties) {
		return new MovableClock(Clock.system(properties.timeZone()));
	}

}
