package org.xietong.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The one JSON mapper reads request bodies strictly: text only from JSON strings and
 * without NUL or lone surrogates, enums only by name, integers only from integral
 * numbers, dates and instants only within {@link InputRules}' span. A refusal names the
 * field's JSON path and a stable code ({@link Refused}).
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

	private static final Set<Class<?>> TEMPORALS = Set.of(LocalDate.class, Instant.class, OffsetDateTime.class,
			ZonedDateTime.class, LocalDateTime.class);

	@Bean
	SimpleModule strictInput() {
		SimpleModule module = new SimpleModule("xietong-strict-input");
		module.addDeserializer(String.class, new StrictText());
		module.setDeserializerModifier(new ValueDeserializerModifier() {
			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
					BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
				return TEMPORALS.contains(description.getBeanClass()) ? new InSpan(deserializer) : deserializer;
			}
		});
		return module;
	}

	@Bean
	JsonMapperBuilderCustomizer noCoercion() {
		return builder -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.withCoercionConfig(LogicalType.Boolean,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Enum,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
	}

	/** A refused JSON value, with the stable code the API reports for its field. */
	public static final class Refused extends MismatchedInputException {

		private final String code;

		Refused(JsonParser parser, String code, String message) {
			super(parser, message);
			this.code = code;
		}

		public String code() {
			return this.code;
		}

	}

	/** Text only from a JSON string, and only what PostgreSQL can store. */
	static final class StrictText extends StdScalarDeserializer<String> {

		StrictText() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				throw new Refused(parser, "WRONG_TYPE", "expected a JSON string, not " + parser.currentToken());
			}
			String text = parser.getString();
			if (InputRules.hasForbiddenCharacter(text)) {
				throw new Refused(parser, "INVALID_CHARACTERS", "a NUL character or a lone surrogate");
			}
			return text;
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.Textual;
		}

	}

	/** A date or instant as Jackson reads it, refused outside the span we serve. */
	static final class InSpan extends DelegatingDeserializer {

		InSpan(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new InSpan(delegate);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			Object value = super.deserialize(parser, context);
			if (!InputRules.inRange(value)) {
				throw new Refused(parser, "DATE_OUT_OF_RANGE",
						"outside " + InputRules.FIRST_DAY + ".." + InputRules.LAST_DAY);
			}
			return value;
		}

	}

}
