package dev.failforward.core.importing;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of an incident's timeline with the instant it was resolved to.
 *
 * @param at   the instant, in the source's stated time zone
 * @param text what happened, without the time
 * @param line the 1-based line in the source
 */
public record TimelineEntry(Instant at, String text, int line) {

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(text, "text");
    }
}
