package dev.failforward.core.importing.tabular;

import dev.failforward.core.importing.markdown.DateTimeText;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date-times as incident tools export them. A cell is read whole (text around a date makes it unreadable, unlike in
 * prose), in this order:
 * <ol>
 * <li>epoch numbers: 9 or 10 digits are seconds, 12 or 13 digits milliseconds (Opsgenie, some API dumps); a
 * fraction is allowed on seconds ({@code 1709649120.5});</li>
 * <li>ISO-8601 with {@code T} or a space: {@code 2024-03-05T14:32:00Z}, {@code 2024-03-05 14:32:00.123+01:00},
 * {@code 2024-03-05T14:32:00+0100}, {@code 2024-03-05T14:32+01:00[Europe/Berlin]}, {@code 2024-03-05 14:32:00 UTC},
 * {@code 2024-03-05 14:32:00} (in the import's zone), {@code 2024-03-05} (midnight in that zone);</li>
 * <li>numeric dates with an optional time: {@code 3/5/2024 2:32 PM}, {@code 3/5/24 14:32}, {@code 05.03.2024
 * 14:32}; slashes or dashes follow the {@link ColumnMapping.DateOrder} (dots are always day first, as written in
 * Germany and its neighbours); two-digit years are 20xx;</li>
 * <li>Jira's default export format {@code 05/Mar/24 2:32 PM};</li>
 * <li>anything else the Markdown importer reads ({@code March 5, 2024 2:32 PM PST}, {@code 5 Mar 2024 14:32}),
 * provided the date covers the whole cell.</li>
 * </ol>
 * A zone written after the time ({@code UTC}, {@code PST}, {@code +01:00}, {@code Europe/Berlin}) wins over the
 * import's zone.
 */
final class TabularDates {

    private static final Pattern EPOCH = Pattern.compile("^(\\d{9,10})(?:\\.(\\d{1,9}))?$|^(\\d{12,13})$");
    private static final Pattern ISO = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2}"
            + "(?:[.,]\\d{1,9})?)?))?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?|\\s*\\S.*)?$");
    private static final String TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?(?:\\s*([AaPp])\\.?[Mm]\\.?)?";
    private static final Pattern NUMERIC = Pattern.compile("^(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})"
            + "(?:[ T,]+" + TIME + ")?\\s*(.*)$");
    private static final Pattern JIRA = Pattern.compile("^(\\d{1,2})[/ -]([A-Za-z]{3})[/ -](\\d{4}|\\d{2})"
            + "(?:[ ,]+" + TIME + ")?\\s*(.*)$");
    static final Pattern SLASH_DATE = Pattern.compile("^\\s*(\\d{1,2})[/-](\\d{1,2})[/-]\\d{2,4}\\b");

    private TabularDates() {
    }

    /**
     * The instant written in {@code text}; empty when it is none of the forms above. {@code defaultYear} is for
     * dates in words written without a year.
     */
    static Optional<Instant> parse(String text, ZoneId zone, boolean dayFirst, int defaultYear) {
        String t = text.strip();
        try {
            Matcher m = EPOCH.matcher(t);
            if (m.matches()) {
                if (m.group(3) != null) {
                    return Optional.of(Instant.ofEpochMilli(Long.parseLong(m.group(3))));
                }
                long nanos = m.group(2) == null ? 0 : Long.parseLong((m.group(2) + "00000000").substring(0, 9));
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(m.group(1)), nanos));
            }
            m = ISO.matcher(t);
            if (m.matches()) {
                return iso(m, zone);
            }
            m = NUMERIC.matcher(t);
            if (m.matches()) {
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(3));
                boolean dayFirstHere = m.group(2).equals(".") || dayFirst;
                int year = year(m.group(4));
                LocalDate date = dayFirstHere ? LocalDate.of(year, b, a) : LocalDate.of(year, a, b);
                return at(date, m, 5, zone);
            }
            m = JIRA.matcher(t);
            if (m.matches()) {
                int month = month(m.group(2));
                if (month == 0) {
                    return Optional.empty();
                }
                LocalDate date = LocalDate.of(year(m.group(3)), month, Integer.parseInt(m.group(1)));
                return at(date, m, 4, zone);
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return words(t, zone, defaultYear);
    }

    private static Optional<Instant> iso(Matcher m, ZoneId zone) {
        String suffix = m.group(3) == null ? "" : m.group(3).strip();
        LocalDate date = LocalDate.parse(m.group(1));
        LocalTime time = m.group(2) == null ? LocalTime.MIDNIGHT
                : LocalTime.parse(m.group(2).replace(',', '.'));
        LocalDateTime local = date.atTime(time);
        if (suffix.isEmpty()) {
            return Optional.of(local.atZone(zone).toInstant());
        }
        if (suffix.startsWith("[") || suffix.matches("[+-]\\d{2}(:?\\d{2})?\\[.*\\]")) {
            try {
                String offset = suffix.replaceFirst("^([+-]\\d{2})(\\d{2})", "$1:$2");
                return Optional.of(ZonedDateTime.parse(local + offset, DateTimeFormatter.ISO_ZONED_DATE_TIME)
                        .toInstant());
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        if (suffix.matches("[+-]\\d{2}")) {
            suffix = suffix + ":00";
        }
        Optional<ZoneId> z = DateTimeText.zone(suffix);
        return z.map(id -> local.atZone(id).toInstant());
    }

    private static Optional<Instant> at(LocalDate date, Matcher m, int first, ZoneId zone) {
        LocalTime time = LocalTime.MIDNIGHT;
        if (m.group(first) != null) {
            int hour = Integer.parseInt(m.group(first));
            int minute = Integer.parseInt(m.group(first + 1));
            int second = m.group(first + 2) == null ? 0 : Integer.parseInt(m.group(first + 2));
            String ampm = m.group(first + 3);
            if (ampm != null) {
                if (hour < 1 || hour > 12) {
                    return Optional.empty();
                }
                hour = hour % 12 + (ampm.equalsIgnoreCase("p") ? 12 : 0);
            }
            time = LocalTime.of(hour, minute, second);
        }
        String rest = m.group(first + 4).strip();
        ZoneId z = zone;
        if (!rest.isEmpty()) {
            Optional<ZoneId> written = DateTimeText.zone(rest);
            if (written.isEmpty()) {
                return Optional.empty();
            }
            z = written.get();
        }
        return Optional.of(date.atTime(time).atZone(z).toInstant());
    }

    private static Optional<Instant> words(String t, ZoneId zone, int defaultYear) {
        Optional<DateTimeText.Found> found = DateTimeText.find(t, defaultYear);
        if (found.isEmpty() || found.get().date() == null || found.get().start() != 0
                || !t.substring(found.get().end()).isBlank()) {
            return Optional.empty();
        }
        DateTimeText.Found f = found.get();
        LocalTime time = f.time() == null ? LocalTime.MIDNIGHT : f.time();
        return Optional.of(f.date().atTime(time).atZone(f.zone() != null ? f.zone() : zone).toInstant());
    }

    private static int year(String y) {
        int year = Integer.parseInt(y);
        return y.length() == 2 ? 2000 + year : year;
    }

    private static int month(String name) {
        int i = "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(name.toLowerCase(Locale.ROOT));
        return i < 0 || i % 3 != 0 ? 0 : i / 3 + 1;
    }
}
