package org.xietong.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SharedConfiguration {

	/**
	 * Leaves table and column names unquoted, so that PostgreSQL folds them to the lower
	 * case in which the migrations write them.
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

	/**
	 * Instants in JSON carry the platform's offset, as people read them:
	 * {@code 2024-11-01T23:59:59+08:00}.
	 */
	@Bean
	SimpleModule instantsWithOffset(XietongProperties properties) {
		SimpleModule module = new SimpleModule("xietong-instants");
		module.addSerializer(Instant.class, new ValueSerializer<>() {
			@Override
			public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
				generator.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME
					.format(value.atZone(properties.timeZone()).toOffsetDateTime()));
			}
		});
		return module;
	}

	@Bean
	MovableClock clock(XietongProperties properties) {
		return new MovableClock(Clock.system(properties.timeZone()));
	}

}
