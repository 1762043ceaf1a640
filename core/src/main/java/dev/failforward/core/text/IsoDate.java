package dev.failforward.core.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people and programs type them and as the failure database stores them: {@code yyyy-MM-dd} with a
 * four-digit year from 0001 to 9999, nothing else.
 *
 * <p>Why not {@link LocalDate#parse}: it also reads {@code +10000-01-01}, {@code -0001-01-01} and {@code 0000-01-01}.
 * Those are real ISO-8601 dates, but the database keeps a date as its 10-character ISO text, so they do not fit (a
 * PostgreSQL/HSQLDB "string data, right truncation" on insert), and no plan is due before year 1 or after 9999. The
 * domain refuses them itself, with a message naming the field, so they never reach a repository.
 */
public final class IsoDate {

    /** The first and last storable day. */
    public static final LocalDate MIN = LocalDate.of(1, 1, 1);
    public static final LocalDate MAX = LocalDate.of(9999, 12, 31);

    /** What {@link #read} found. */
    public enum Verdict {
        /** {@code yyyy-MM-dd}, a real day from 0001-01-01 to 9999-12-31. */
        VALID,
        /** Shaped like a date ({@code [+-]digits-MM-dd}) but its year is not 0001–9999 (or has a sign or ≠ 4 digits). */
        OUT_OF_RANGE,
        /** Anything else, including a day that does not exist ({@code 2026-02-30}). */
        MALFORMED
    }

    /** The verdict, and the date when it is {@link Verdict#VALID}. */
    public record Reading(Verdict verdict, LocalDate date) {
        public boolean valid() {
            return verdict == Verdict.VALID;
        }
    }

    private static final Pattern SHAPE = Pattern.compile("([+-]?)(\\d{1,12})-(\\d{2})-(\\d{2})");

    private IsoDate() {
    }

    /** Reads {@code text} (surrounding blanks ignored); {@code null} or blank is {@link Verdict#MALFORMED}. */
    public static Reading read(String text) {
        String value = text == null ? "" : text.strip();
        Matcher m = SHAPE.matcher(value);
        if (!m.matches()) {
            return new Reading(Verdict.MALFORMED, null);
        }
        int month = Integer.parseInt(m.group(3));
        int day = Integer.parseInt(m.group(4));
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return new Reading(Verdict.MALFORMED, null);
        }
        long year = Long.parseLong(m.group(2));
        if (!m.group(1).isEmpty() || m.group(2).length() != 4 || year < MIN.getYear() || year > MAX.getYear()) {
            return new Reading(Verdict.OUT_OF_RANGE, null);
        }
        try {
            return new Reading(Verdict.VALID, LocalDate.of((int) year, month, day));
        } catch (DateTimeException e) {
            return new Reading(Verdict.MALFORMED, null);
        }
    }

    /** The date when {@code text} is a storable {@code yyyy-MM-dd}; empty otherwise. */
    public static Optional<LocalDate> parse(String text) {
        return Optional.ofNullable(read(text).date());
    }

    /** Whether the date can be stored ({@link #MIN} to {@link #MAX}). */
    public static boolean storable(LocalDate date) {
        return date != null && !date.isBefore(MIN) && !date.isAfter(MAX);
    }
}
