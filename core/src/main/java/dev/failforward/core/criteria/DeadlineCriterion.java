package dev.failforward.core.criteria;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date by which the experiment ends: "deadline 2026-12-31", "by 31 Dec 2026", "until 2026-12-31", "stop on
 * 2026-12-31", "end of Q3 2026" (the quarter's last day), "by June 2026" (the month's last day).
 *
 * @param date the last day the experiment may run; it has passed once that whole day is over
 */
public record DeadlineCriterion(String text, LocalDate date) implements Criterion {

    public DeadlineCriterion {
        Texts.requireText(text, "text");
        Objects.requireNonNull(date, "date");
    }
}
