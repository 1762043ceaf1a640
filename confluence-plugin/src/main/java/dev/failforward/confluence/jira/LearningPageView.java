package dev.failforward.confluence.jira;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One page of Jira's learnings archive ({@code GET /learnings}): the learnings, newest first, the number of all matches,
 * the facet counts over all matches and the state of the Jira node's search index. Names are Jira's lower-case
 * spellings; absent values are null, lists and maps are never null.
 *
 * @param index   the state of the answering Jira node's search index (while it builds, the database answered: slower,
 *                no highlights); null when Jira did not say or said something unreadable
 * @param jiraUrl the Jira link's display URL, the base of links to Jira's pages (null when it is not known); not part
 *                of Jira's answer: the client adds it
 */
public record LearningPageView(int startAt, int maxResults, int total, List<Item> items, Facets facets,
                               SimilarView.Index index, URI jiraUrl) {

    public LearningPageView {
        items = items == null ? List.of() : List.copyOf(items);
        facets = facets == null ? Facets.NONE : facets;
    }

    /** The same page with links to Jira based on {@code url}. */
    public LearningPageView withJiraUrl(URI url) {
        return new LearningPageView(startAt, maxResults, total, items, facets, index, url);
    }

    /**
     * A learning with the record it was learned from. {@code kind}: {@code insight}, {@code surprise},
     * {@code went_well}, {@code got_lucky}; {@code retroPage} is null when the record has no retro page (or Jira does not
     * say). {@code highlight} is the learning's whole text cut into segments, those that matched the search's text
     * marked, when Jira's index answered a free-text search; null otherwise (show {@code text} then).
     */
    public record Item(long id, String text, String kind, Instant createdAt, Record record, RetroPage retroPage,
                       List<Segment> highlight) {
        public Item {
            Objects.requireNonNull(record, "record");
            highlight = highlight == null || highlight.isEmpty() ? null : List.copyOf(highlight);
        }

        /** The same learning without highlights (Jira's database path, or no search text). */
        public Item(long id, String text, String kind, Instant createdAt, Record record, RetroPage retroPage) {
            this(id, text, kind, createdAt, record, retroPage, null);
        }
    }

    /** A piece of a learning's text, plain text (escape it); {@code match} when it matched the search's text. */
    public record Segment(String text, boolean match) {
        public Segment {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The experiment or incident of a learning ({@code kind}: {@code experiment} or {@code incident}); {@code awards}:
     * its most-valuable-failure badges as Jira sent them (winner first), never null.
     */
    public record Record(String issueKey, String projectKey, String summary, String kind, String status,
                         String failureType, String category, List<AwardBadge> awards) {

        public Record {
            awards = awards == null ? List.of() : List.copyOf(awards);
        }

        /** A record without award badges. */
        public Record(String issueKey, String projectKey, String summary, String kind, String status,
                      String failureType, String category) {
            this(issueKey, projectKey, summary, kind, status, failureType, category, List.of());
        }
    }

    /**
     * A most-valuable-failure badge: {@code kind} {@code winner} or {@code nominee}, {@code text} Jira's words
     * ("Most valuable failure · Q3 2026"), {@code award} the award's id.
     */
    public record AwardBadge(String award, String kind, String text) {
    }

    /** The Confluence page of a record's retro, as Jira knows it. */
    public record RetroPage(String url, String title) {
    }

    /**
     * Number of matching learnings per value, in Jira's order (values sorted): project keys, or the lower-case names of
     * record kind, learning kind, failure type and category; {@code period}: the month of the learning's creation (UTC)
     * as {@code yyyy-MM}.
     */
    public record Facets(Map<String, Integer> project, Map<String, Integer> recordKind,
                         Map<String, Integer> learningKind, Map<String, Integer> failureType,
                         Map<String, Integer> category, Map<String, Integer> period) {

        public static final Facets NONE = new Facets(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

        public Facets {
            project = ordered(project);
            recordKind = ordered(recordKind);
            learningKind = ordered(learningKind);
            failureType = ordered(failureType);
            category = ordered(category);
            period = ordered(period);
        }

        /** Facets without the period (as Jira answered before it counted months). */
        public Facets(Map<String, Integer> project, Map<String, Integer> recordKind,
                      Map<String, Integer> learningKind, Map<String, Integer> failureType,
                      Map<String, Integer> category) {
            this(project, recordKind, learningKind, failureType, category, Map.of());
        }

        private static Map<String, Integer> ordered(Map<String, Integer> counts) {
            return counts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        }
    }
}
