package org.xietong.reviews;

import java.math.BigDecimal;

/** A criterion of a review plan: its name, its weight (of 100) and its highest score. */
public record Criterion(String name, BigDecimal weight, BigDecimal maxScore) {
}
