package dev.failforward.jira.reuse;

import dev.failforward.core.record.PageRequest;
import dev.failforward.jira.archive.ArchivedLearning;
import dev.failforward.jira.archive.LearningArchiveService;
import dev.failforward.jira.archive.LearningQuery;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * "On this day": the learnings captured a year ago and a quarter (three months) ago, within
 * {@value #WINDOW_DAYS} days either side of the same day, so a quiet day still brings back the week's lessons. Days
 * are calendar days in the user's time zone: a window runs from the start of its first day to the end of its last.
 * The learnings closest to the day (its noon) come first: of the newest {@value #CANDIDATES} in the window, the
 * {@value #MAX_PER_PERIOD} nearest.
 * Only the projects the user may browse are read, through the learnings archive (a hidden project is dropped like a
 * missing one).
 */
@Named
public class OnThisDay {

    public static final int WINDOW_DAYS = 3;
    public static final int MAX_PER_PERIOD = 10;
    static final int CANDIDATES = LearningQuery.MAX_LIMIT;

    private final LearningArchiveService archive;

    @Inject
    public OnThisDay(LearningArchiveService archive) {
        this.archive = Objects.requireNonNull(archive, "archive");
    }

    /** A year or a quarter ago: the day, its window (first and last day) and the learnings found, nearest first. */
    public record Period(String key, LocalDate day, LocalDate from, LocalDate to, int total,
                        List<ArchivedLearning> learnings) {
    }

    /**
     * @param projects the requested project keys, or {@code null} for every browsable project
     * @param date     "this day" in the user's time zone
     */
    public List<Period> find(Set<String> projects, LocalDate date, ZoneId zone) {
        return List.of(period("year", date.minusYears(1), projects, zone),
                period("quarter", date.minusMonths(3), projects, zone));
    }

    private Period period(String key, LocalDate day, Set<String> projects, ZoneId zone) {
        LocalDate from = day.minusDays(WINDOW_DAYS);
        LocalDate to = day.plusDays(WINDOW_DAYS);
        var page = archive.search(projects, new LearningQuery(Set.of(), null, null, null, null,
                from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(), null,
                PageRequest.first(CANDIDATES)));
        java.time.Instant noon = day.atTime(java.time.LocalTime.NOON).atZone(zone).toInstant();
        List<ArchivedLearning> nearest = page.items().stream()
                .sorted(java.util.Comparator.comparing((ArchivedLearning l) ->
                        java.time.Duration.between(noon, l.createdAt()).abs()).thenComparing(ArchivedLearning::id))
                .limit(MAX_PER_PERIOD).toList();
        return new Period(key, day, from, to, page.total(), nearest);
    }
}
