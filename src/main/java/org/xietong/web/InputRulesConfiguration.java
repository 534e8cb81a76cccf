package org.xietong.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Set;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.xietong.shared.InputRules;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the input rules of {@link InputRules} meet HTTP: the parameter filter before
 * sign-in, dates in query and form parameters, and Tomcat's own refusals (a path that is
 * not UTF-8, an encoded slash) answered as problems instead of Tomcat's HTML.
 */
@Configuration(proxyBeanMethods = false)
class InputRulesConfiguration implements WebMvcConfigurer {

	@Bean
	FilterRegistrationBean<InputFilter> inputFilter(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		FilterRegistrationBean<InputFilter> registration = new FilterRegistrationBean<>(
				new InputFilter(messages, locales, json));
		// After the character encoding and session filters, before Spring Security's
		// sign-in.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> tomcatProblems(MessageSource messages,
			JsonMapper json) {
		return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
			if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
				replaceErrorReport(context.getParent(), new TomcatProblems(messages, json));
			}
		}));
	}

	private static void replaceErrorReport(Container host, TomcatProblems replacement) {
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve && !(valve instanceof TomcatProblems)) {
				host.getPipeline().removeValve(valve);
				host.getPipeline().addValve(replacement);
			}
		}
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(new DatesInSpan());
	}

	/**
	 * ISO dates and instants in query and form parameters, refused outside the span;
	 * added last, so it is asked before the annotation-driven parsers of the same types.
	 */
	static final class DatesInSpan implements GenericConverter {

		@Override
		public Set<ConvertiblePair> getConvertibleTypes() {
			return Set.of(new ConvertiblePair(String.class, LocalDate.class),
					new ConvertiblePair(String.class, Instant.class),
					new ConvertiblePair(String.class, OffsetDateTime.class),
					new ConvertiblePair(String.class, LocalDateTime.class));
		}

		@Override
		public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
			String text = (source == null) ? "" : source.toString().strip();
			if (text.isEmpty()) {
				return null;
			}
			Class<?> type = targetType.getType();
			Object value;
			if (type == LocalDate.class) {
				value = LocalDate.parse(text);
			}
			else if (type == LocalDateTime.class) {
				value = LocalDateTime.parse(text);
			}
			else if (type == OffsetDateTime.class) {
				value = OffsetDateTime.parse(text);
			}
			else {
				value = text.endsWith("Z") || text.endsWith("z") ? Instant.parse(text)
						: OffsetDateTime.parse(text).toInstant();
			}
			if (!InputRules.inRange(value)) {
				throw new IllegalArgumentException("outside " + InputRules.FIRST_DAY + ".." + InputRules.LAST_DAY);
			}
			return value;
		}

	}

}
