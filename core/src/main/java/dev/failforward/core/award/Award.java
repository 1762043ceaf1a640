package dev.failforward.core.award;

import java.util.Objects;

/**
 * One award: a scope and a period. Its {@link #id()}, {@code <scope key>@<period start>} such as
 * {@code instance@2026-10-01} or {@code platform@2027-01-01}, is stable across nodes and restarts; it contains no
 * {@code :}, so the guard message {@code id + ":" + voter} splits unambiguously.
 */
public record Award(AwardScope scope, AwardPeriod period) {

    public Award {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(period, "period");
    }

    public String id() {
        return id(scope.key(), period);
    }

    public static String id(String scopeKey, AwardPeriod period) {
        return scopeKey + "@" + period.start();
    }
}
