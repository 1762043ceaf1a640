package dev.failforward.core.importing.markdown;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates, times, time zones and durations as people write them in post-mortems.
 *
 * <p>Dates: {@code 2024-03-05}, {@code 2024/03/05}, {@code March 5, 2024}, {@code Mar 5 2024}, {@code 5 March 2024},
 * {@code 5th Mar}, US {@code 3/5/2024} (month first). A date without a year takes the year of the reference date.
 * Times: {@code 14:32}, {@code 14:32:10}, {@code 2:32 PM}, {@code 2pm}, ISO-8601 {@code 2024-03-05T14:32:00+01:00} or
 * {@code …Z}. A zone right after the time wins over the stated zone: an offset ({@code +01:00}, {@code UTC+2}), an
 * abbreviation ({@code UTC}, {@code GMT}, {@code PST}, {@code PDT}, {@code EST}, {@code CET}, {@code IST}…, each a
 * fixed offset; {@code PT}, {@code ET}, {@code CT}, {@code MT} are the US regions with daylight saving) or an IANA
 * name ({@code Europe/Berlin}). Durations: {@code 10 minutes}, {@code 4 hours 42 minutes}, {@code 1h 20m},
 * {@code 1h20m}, {@code 90 min}, {@code 1.5 hours}, {@code 2 days}, {@code an hour}, {@code 1:20} (h:mm),
 * {@code PT1H20M}.
 *
 * <p>Public because the Confluence and tabular importers read dates, zones and durations the same way (the tabular
 * one uses {@link #zone(String)} and {@link #find(String, int)} for dates written in words).
 */
public final class DateTimeText {

    private static final Map<String, ZoneId> ZONES = new HashMap<>();

    static {
        ZONES.put("UTC", ZoneOffset.UTC);
        ZONES.put("GMT", ZoneOffset.UTC);
        ZONES.put("Z", ZoneOffset.UTC);
        fixed("PST", -8); fixed("PDT", -7); fixed("MST", -7); fixed("MDT", -6); fixed("CST", -6); fixed("CDT", -5);
        fixed("EST", -5); fixed("EDT", -4); fixed("AKST", -9); fixed("HST", -10); fixed("BST", 1); fixed("CET", 1);
        fixed("CEST", 2); fixed("EET", 2); fixed("EEST", 3); fixed("WET", 0); fixed("MSK", 3); fixed("JST", 9);
        fixed("KST", 9); fixed("SGT", 8); fixed("AEST", 10); fixed("AEDT", 11); fixed("NZST", 12); fixed("NZDT", 13);
        ZONES.put("IST", ZoneOffset.ofHoursMinutes(5, 30));
        ZONES.put("PT", ZoneId.of("America/Los_Angeles"));
        ZONES.put("MT", ZoneId.of("America/Denver"));
        ZONES.put("CT", ZoneId.of("America/Chicago"));
        ZONES.put("ET", ZoneId.of("America/New_York"));
    }

    private static void fixed(String name, int hours) {
        ZONES.put(name, ZoneOffset.ofHours(hours));
    }

    private static final String MONTHS = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern ISO_DATE = Pattern.compile("(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
    private static final Pattern MONTH_DAY = Pattern.compile("(?i)\\b" + MONTHS
            + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?");
    private static final Pattern DAY_MONTH = Pattern.compile("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTHS
            + "\\b\\.?(?:,?\\s+(\\d{4})\\b)?");
    private static final Pattern US_DATE = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?!\\d)");

    private static final String ZONE_TOKEN = "(Z|[+-]\\d{2}:?\\d{2}|(?:UTC|GMT)\\s?[+-]\\d{1,2}(?::?\\d{2})?"
            + "|[A-Z][a-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?|[A-Z]{1,5}\\b)";
    private static final Pattern TIME = Pattern.compile("(?i)(?<![\\d:])(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?"
            + "(?!\\d)(?:\\s*([ap])\\.?m\\.?\\b)?|(?<![\\d:])(\\d{1,2})\\s*([ap])\\.?m\\.?\\b");
    private static final Pattern ZONE_AFTER = Pattern.compile("^\\s*\\(?" + ZONE_TOKEN + "\\)?");
    private static final Pattern DATE_TIME_GAP = Pattern.compile("^(?:T|\\s*,?\\s*(?:at\\s+|@\\s*)?|\\s+-\\s+)");

    private static final Pattern STATED_ZONE = Pattern.compile("(?i)(?<![a-z])(?:all\\s+)?times?"
            + "(?:\\s+(?:below|above|here|local))?(?:\\s+(?:are|is|shown|given|listed|stated))?(?:\\s+(?:in|as))?"
            + "\\s*:?\\s+\\(?((?:UTC|GMT)\\s?[+-]\\d{1,2}(?::?\\d{2})?|[A-Z][a-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?"
            + "|[A-Za-z]{1,5})\\)?(?![\\w/])");

    private static final Pattern DURATION_PART = Pattern.compile("(?i)(?:(?<![\\d.,])(\\d+(?:[.,]\\d+)?"
            + "|\\b(?:an?|half an?))\\s*"
            + "(d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)(?![a-z]))");
    private static final Pattern CLOCK_DURATION = Pattern.compile("^\\s*(\\d{1,3}):(\\d{2})(?::(\\d{2}))?\\s*$");
    private static final Pattern ISO_DURATION = Pattern.compile("(?i)^\\s*P(?:T?)[0-9DHMS.]+\\s*$");

    private DateTimeText() {
    }

    /** A date and/or time found in text; {@code zone} is the zone written next to the time, or {@code null}. */
    public record Found(LocalDate date, LocalTime time, ZoneId zone, int start, int end) {

        /** The instant, with the date of {@code baseDate} when none was written; empty without time or date. */
        public Optional<Instant> instant(LocalDate baseDate, ZoneId statedZone) {
            LocalDate d = date != null ? date : baseDate;
            if (d == null || time == null) {
                return Optional.empty();
            }
            return Optional.of(d.atTime(time).atZone(zone != null ? zone : statedZone).toInstant());
        }
    }

    /** A zone from a token: an abbreviation, an offset, "UTC+2" or an IANA name; empty when not one. */
    public static Optional<ZoneId> zone(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String t = token.strip().replaceAll("^\\(|\\)$", "");
        ZoneId known = ZONES.get(t.toUpperCase(Locale.ROOT));
        if (known != null && (t.length() > 1 || t.equals("Z"))) {
            return Optional.of(known);
        }
        Matcher utc = Pattern.compile("(?i)^(?:UTC|GMT)\\s?([+-])(\\d{1,2})(?::?(\\d{2}))?$").matcher(t);
        try {
            if (utc.matches()) {
                int h = Integer.parseInt(utc.group(2));
                int m = utc.group(3) == null ? 0 : Integer.parseInt(utc.group(3));
                int sign = utc.group(1).equals("-") ? -1 : 1;
                return Optional.of(ZoneOffset.ofHoursMinutes(sign * h, sign * m));
            }
            if (t.matches("[+-]\\d{2}:?\\d{2}")) {
                return Optional.of(ZoneOffset.of(t.length() == 5 ? t.substring(0, 3) + ":" + t.substring(3) : t));
            }
            if (t.matches("[A-Za-z]+/[A-Za-z_]+(/[A-Za-z_]+)?")) {
                return Optional.of(ZoneId.of(t));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The zone a line states for all times ("All times in UTC", "(times in PST)", "Times are CET"), if any. */
    public static Optional<ZoneId> statedZone(String line) {
        Matcher m = STATED_ZONE.matcher(line);
        while (m.find()) {
            Optional<ZoneId> z = zone(m.group(1));
            if (z.isPresent()) {
                return z;
            }
        }
        return Optional.empty();
    }

    /** The first date and/or time in {@code text}; empty when there is none. */
    public static Optional<Found> find(String text, int defaultYear) {
        return find(text, defaultYear, false);
    }

    /**
     * The first date and/or time in {@code text}. With {@code leading}, only one that opens the text (after bullets,
     * bold markers and brackets) counts: a timeline entry starts with its time, while "restarted at 14:40" in the
     * middle of an entry is not the entry's time.
     */
    public static Optional<Found> find(String text, int defaultYear, boolean leading) {
        Found date = firstDate(text, defaultYear);
        if (date != null && leading && !opens(text, date.start())) {
            date = null;
        }
        if (date != null) {
            String after = text.substring(date.end());
            Matcher gap = DATE_TIME_GAP.matcher(after);
            int offset = gap.lookingAt() ? gap.end() : 0;
            Matcher t = TIME.matcher(after);
            if (t.find(offset) && t.start() == offset) {
                Found time = time(t, after, date.end());
                return Optional.of(new Found(date.date(), time.time(), time.zone(), date.start(), time.end()));
            }
            return Optional.of(date);
        }
        Matcher t = TIME.matcher(text);
        while (t.find()) {
            if (leading && !opens(text, t.start())) {
                return Optional.empty();
            }
            Found time = time(t, text, 0);
            if (time != null) {
                return Optional.of(time);
            }
        }
        return Optional.empty();
    }

    private static boolean opens(String text, int index) {
        return text.substring(0, index).replaceAll("(?i)[\\s*_`|\\[\\](>~,-]|\\b(at|on|around|approx\\.?|~)\\b"
                + "|\\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\b\\.?", "").isEmpty();
    }

    private static Found time(Matcher t, String text, int shift) {
        int hour;
        int minute = 0;
        int second = 0;
        String ampm;
        if (t.group(1) != null) {
            hour = Integer.parseInt(t.group(1));
            minute = Integer.parseInt(t.group(2));
            second = t.group(3) == null ? 0 : Integer.parseInt(t.group(3));
            ampm = t.group(4);
        } else {
            hour = Integer.parseInt(t.group(5));
            ampm = t.group(6);
        }
        if (ampm != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            boolean pm = ampm.equalsIgnoreCase("p");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int end = t.end();
        ZoneId zone = null;
        Matcher z = ZONE_AFTER.matcher(text.substring(end));
        if (z.lookingAt()) {
            Optional<ZoneId> found = zone(z.group(1));
            if (found.isPresent()) {
                zone = found.get();
                end += z.end();
            }
        }
        return new Found(null, LocalTime.of(hour, minute, second), zone, t.start() + shift, end + shift);
    }

    private static Found firstDate(String text, int defaultYear) {
        Found best = null;
        Matcher m = ISO_DATE.matcher(text);
        if (m.find()) {
            best = earlier(best, date(m.group(1), m.group(2), m.group(3), m));
        }
        m = MONTH_DAY.matcher(text);
        while (m.find()) {
            Found f = date(year(m.group(3), defaultYear), month(m.group(1)), m.group(2), m);
            if (f != null) {
                best = earlier(best, f);
                break;
            }
        }
        m = DAY_MONTH.matcher(text);
        while (m.find()) {
            Found f = date(year(m.group(3), defaultYear), month(m.group(2)), m.group(1), m);
            if (f != null) {
                best = earlier(best, f);
                break;
            }
        }
        m = US_DATE.matcher(text);
        if (m.find()) {
            best = earlier(best, date(m.group(3), m.group(1), m.group(2), m));
        }
        return best;
    }

    private static String year(String written, int defaultYear) {
        return written != null ? written : String.valueOf(defaultYear);
    }

    private static String month(String name) {
        String n = name.toLowerCase(Locale.ROOT).substring(0, 3);
        int i = "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(n) / 3 + 1;
        return String.valueOf(i);
    }

    private static Found date(String y, String mo, String d, Matcher m) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
            return new Found(date, null, null, m.start(), m.end());
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Found earlier(Found a, Found b) {
        if (b == null) {
            return a;
        }
        return a == null || b.start() < a.start() ? b : a;
    }

    /** The duration written in {@code text}, all its parts added ("4 hours 42 minutes"); empty when none. */
    public static Optional<Duration> duration(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher clock = CLOCK_DURATION.matcher(text);
        if (clock.matches()) {
            return Optional.of(Duration.ofHours(Integer.parseInt(clock.group(1)))
                    .plusMinutes(Integer.parseInt(clock.group(2)))
                    .plusSeconds(clock.group(3) == null ? 0 : Integer.parseInt(clock.group(3))));
        }
        if (ISO_DURATION.matcher(text).matches()) {
            try {
                return Optional.of(Duration.parse(text.strip().toUpperCase(Locale.ROOT)));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        Matcher m = DURATION_PART.matcher(text);
        double seconds = 0;
        boolean any = false;
        while (m.find()) {
            String n = m.group(1).toLowerCase(Locale.ROOT).replace(',', '.');
            double value = n.startsWith("half") ? 0.5 : n.startsWith("a") ? 1 : Double.parseDouble(n);
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            double factor = unit.startsWith("d") ? 86_400 : unit.startsWith("h") ? 3_600
                    : unit.startsWith("m") ? 60 : 1;
            seconds += value * factor;
            any = true;
        }
        return any ? Optional.of(Duration.ofSeconds(Math.round(seconds))) : Optional.empty();
    }
}
