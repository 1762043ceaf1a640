package dev.failforward.jira.archive;

import dev.failforward.core.record.PageRequest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A page of the archive, newest learnings first, with the total and the facet counts of <em>all</em> matches.
 *
 * @param facets counts of matching learnings per value: keys are project keys, or the lower-case enum names
 *               ({@code incident}, {@code went_well}, {@code design_flaw}); a record without a failure type or category
 *               is counted in neither of those facets; {@code period} counts learnings per month of their creation
 *               ({@code yyyy-MM}, UTC)
 */
public record LearningArchivePage(List<ArchivedLearning> items, int total, PageRequest page, Facets facets) {

    public LearningArchivePage {
        items = List.copyOf(items);
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(facets, "facets");
    }

    public static LearningArchivePage empty(PageRequest page) {
        return new LearningArchivePage(List.of(), 0, page, Facets.NONE);
    }

    /** Counts per value of each facet, keys sorted (unmodifiable {@code SortedMap}s). */
    public record Facets(Map<String, Integer> project, Map<String, Integer> recordKind,
                         Map<String, Integer> learningKind, Map<String, Integer> failureType,
                         Map<String, Integer> category, Map<String, Integer> period) {

        public static final Facets NONE = new Facets(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

        public Facets {
            project = sorted(project);
            recordKind = sorted(recordKind);
            learningKind = sorted(learningKind);
            failureType = sorted(failureType);
            category = sorted(category);
            period = sorted(period);
        }

        /** The {@code period} facet value of a learning created at {@code createdAt}: its month in UTC, {@code yyyy-MM}. */
        public static String period(Instant createdAt) {
            return MONTH.format(createdAt);
        }

        private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT)
                .withZone(ZoneOffset.UTC);

        private static SortedMap<String, Integer> sorted(Map<String, Integer> counts) {
            return Collections.unmodifiableSortedMap(new TreeMap<>(counts));
        }
    }
}
