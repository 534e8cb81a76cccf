package org.xietong.guides;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.xietong.shared.DomainException;
import org.xietong.shared.InputRules;

/**
 * A position in one of the catalogue's orders: the sort key of the last guide a page
 * showed, as an opaque URL-safe token, so that the next page is read from the index at
 * that key (keyset) instead of counting past every earlier row (OFFSET).
 *
 * @param sort the order the position belongs to
 * @param condition the SQL that keeps the rows after the position
 * @param params its parameters
 */
record CatalogueCursor(GuideSort sort, String condition, Map<String, Object> params) {

	/** The longest token read: a 200-character title and its keys fit well within. */
	static final int MAX_LENGTH = 1024;

	/** The token of the position right after {@code last} in {@code sort}. */
	static String after(GuideView last, GuideSort sort) {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, last.createdAt());
		String key = switch (sort) {
			case NEWEST -> "n:" + micros + ":" + last.id();
			case CASH -> "c:" + last.cashPerProject().amount().toPlainString() + ":" + micros + ":" + last.id();
			case TITLE -> "t:" + last.id() + ":" + last.title();
		};
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The position a token names in {@code sort}; refuses a token that this server did
	 * not write for that order (422 {@code INVALID_CURSOR} on the field {@code after}).
	 */
	static CatalogueCursor read(String token, GuideSort sort) {
		if (token.length() > MAX_LENGTH) {
			throw invalid("a cursor is at most " + MAX_LENGTH + " characters");
		}
		String key = decode(token);
		if (InputRules.hasForbiddenCharacter(key)) {
			throw invalid("not a cursor of the catalogue");
		}
		String[] parts = key.split(":", (sort == GuideSort.CASH) ? 4 : 3);
		String expected = switch (sort) {
			case NEWEST -> "n";
			case CASH -> "c";
			case TITLE -> "t";
		};
		if (parts.length != ((sort == GuideSort.CASH) ? 4 : 3) || !parts[0].equals(expected)) {
			throw invalid("the cursor does not belong to the order " + sort.param());
		}
		try {
			return switch (sort) {
				case NEWEST -> new CatalogueCursor(sort, "(created_at, id) < (:afterAt, :afterId)",
						Map.of("afterAt", instant(parts[1]), "afterId", UUID.fromString(parts[2])));
				case CASH -> new CatalogueCursor(sort,
						"(cash_per_project, created_at, id) < (:afterCash, :afterAt, :afterId)", Map.of("afterCash",
								cash(parts[1]), "afterAt", instant(parts[2]), "afterId", UUID.fromString(parts[3])));
				case TITLE -> new CatalogueCursor(sort, "(title, id) > (:afterTitle, :afterId)",
						Map.of("afterTitle", parts[2], "afterId", UUID.fromString(parts[1])));
			};
		}
		catch (IllegalArgumentException | ArithmeticException | DateTimeException ex) {
			throw invalid("not a cursor of the catalogue");
		}
	}

	private static String decode(String token) {
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(token);
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (IllegalArgumentException | CharacterCodingException ex) {
			throw invalid("not a cursor of the catalogue");
		}
	}

	private static OffsetDateTime instant(String micros) {
		Instant instant = Instant.EPOCH.plus(Long.parseLong(micros), ChronoUnit.MICROS);
		if (!InputRules.inRange(instant)) {
			throw new IllegalArgumentException("outside the span of the catalogue");
		}
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static BigDecimal cash(String amount) {
		BigDecimal cash = new BigDecimal(amount);
		if (cash.signum() < 0 || cash.precision() - cash.scale() > 12 || cash.scale() > 2) {
			throw new IllegalArgumentException("not an amount of the catalogue");
		}
		return cash;
	}

	private static DomainException invalid(String message) {
		return DomainException.invalid("after", "INVALID_CURSOR", message);
	}

}
