package org.xietong.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An amount of yuan, exact to the fen: never a floating-point number. In JSON it is a
 * string with two decimals ({@code "20000.00"}); a request may also send a number. An
 * amount with more than two decimals is refused rather than rounded.
 */
@JsonDeserialize(using = Money.JsonReader.class)
public record Money(BigDecimal amount) implements Comparable<Money> {

	public static final Money ZERO = new Money(BigDecimal.ZERO);

	public Money {
		if (amount == null) {
			throw new IllegalArgumentException("an amount is required");
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("an amount has at most two decimals: " + amount.toPlainString());
		}
		amount = amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	/** Parses {@code "20000"} or {@code "20000.00"}; refuses fractions of a fen. */
	public static Money of(String text) {
		try {
			return new Money(new BigDecimal(text.trim()));
		}
		catch (NumberFormatException | NullPointerException ex) {
			throw new IllegalArgumentException("not an amount: " + text);
		}
	}

	public static Money of(BigDecimal amount) {
		return new Money(amount);
	}

	public static Money yuan(long yuan) {
		return new Money(BigDecimal.valueOf(yuan));
	}

	public Money plus(Money other) {
		return new Money(this.amount.add(other.amount));
	}

	public Money minus(Money other) {
		return new Money(this.amount.subtract(other.amount));
	}

	public Money times(long factor) {
		return new Money(this.amount.multiply(BigDecimal.valueOf(factor)));
	}

	public boolean isNegative() {
		return this.amount.signum() < 0;
	}

	public boolean isLessThan(Money other) {
		return compareTo(other) < 0;
	}

	@Override
	public int compareTo(Money other) {
		return this.amount.compareTo(other.amount);
	}

	/** {@code "20000.00"}. */
	@JsonValue
	@Override
	public String toString() {
		return this.amount.toPlainString();
	}

	/** Reads a JSON string or number exactly as written, never through a double. */
	static final class JsonReader extends ValueDeserializer<Money> {

		@Override
		public Money deserialize(JsonParser parser, DeserializationContext context) {
			JsonToken token = parser.currentToken();
			try {
				if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
					return new Money(new BigDecimal(parser.getString()));
				}
				if (token == JsonToken.VALUE_STRING) {
					return Money.of(parser.getString());
				}
			}
			catch (IllegalArgumentException ex) {
				return (Money) context.handleWeirdStringValue(Money.class, parser.getString(), ex.getMessage());
			}
			return (Money) context.handleUnexpectedToken(Money.class, parser);
		}

	}

	/** Stores money as NUMERIC. */
	@WritingConverter
	public enum ToBigDecimal implements Converter<Money, BigDecimal> {

		INSTANCE;

		@Override
		public BigDecimal convert(Money source) {
			return source.amount();
		}

	}

	/** Reads money from NUMERIC. */
	@ReadingConverter
	public enum FromBigDecimal implements Converter<BigDecimal, Money> {

		INSTANCE;

		@Override
		public Money convert(BigDecimal source) {
			return new Money(source);
		}

	}

}
