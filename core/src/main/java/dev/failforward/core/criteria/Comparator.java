package dev.failforward.core.criteria;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * How a measured value is compared with a criterion's threshold. "Reaches" and "hits" read as {@link #GE}: a target
 * that is reached is also met when it is overshot.
 */
public enum Comparator {
    /** "&lt;", "below", "under", "less than", "fewer than". */
    LT("<"),
    /** "&lt;=", "≤", "at most", "no more than", "up to", "does not exceed", "within". */
    LE("≤"),
    /** "&gt;", "above", "over", "more than", "exceeds". */
    GT(">"),
    /** "&gt;=", "≥", "at least", "no less than", "reaches", "or more". */
    GE("≥"),
    /** "=", "equals", "exactly", "stays at". */
    EQ("=");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    /** The mathematical sign, for compact display: "&lt;", "≤", "&gt;", "≥", "=". */
    public String symbol() {
        return symbol;
    }

    /** True when {@code value} satisfies "value <i>this</i> threshold"; numerically, so 1.0 equals 1. */
    public boolean test(BigDecimal value, BigDecimal threshold) {
        int c = Objects.requireNonNull(value, "value").compareTo(Objects.requireNonNull(threshold, "threshold"));
        return switch (this) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case EQ -> c == 0;
        };
    }

    /** Display name key, e.g. {@code failforward.criteria.comparator.le}. */
    public String i18nKey() {
        return "failforward.criteria.comparator." + name().toLowerCase(Locale.ROOT);
    }
}
