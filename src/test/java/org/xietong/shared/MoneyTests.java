package org.xietong.shared;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTests {

	private final JsonMapper json = JsonMapper.builder().build();

	record Offer(Money cash) {
	}

	@Test
	void writesTwoDecimalsAsAString() {
		assertThat(this.json.writeValueAsString(new Offer(Money.yuan(20000)))).isEqualTo("{\"cash\":\"20000.00\"}");
	}

	@Test
	void readsStringsAndNumbersWithoutLosingAFen() {
		assertThat(this.json.readValue("{\"cash\":\"9999.99\"}", Offer.class).cash())
			.isEqualTo(Money.of(new BigDecimal("9999.99")));
		assertThat(this.json.readValue("{\"cash\":9999.99}", Offer.class).cash())
			.isEqualTo(Money.of(new BigDecimal("9999.99")));
		assertThat(this.json.readValue("{\"cash\":199999.99}", Offer.class).cash().toString()).isEqualTo("199999.99");
		assertThat(this.json.readValue("{\"cash\":20000}", Offer.class).cash().toString()).isEqualTo("20000.00");
	}

	@Test
	void refusesFractionsOfAFen() {
		assertThatThrownBy(() -> Money.of("10.005")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Money.of("ten")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void addsAndMultipliesExactly() {
		Money total = Money.of("0.10").plus(Money.of("0.20"));
		assertThat(total).isEqualTo(Money.of("0.30"));
		assertThat(Money.of("19999.99").times(10)).isEqualTo(Money.of("199999.90"));
		assertThat(Money.of("199999.99").isLessThan(Money.yuan(200000))).isTrue();
		assertThat(Money.of("10000.00").compareTo(Money.yuan(10000))).isZero();
	}

}
