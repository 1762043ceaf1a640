package dev.failforward.confluence.rest;

import dev.failforward.confluence.jira.LearningPageView;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the learnings archive shows, as JSON: the page Jira found, with a link to each learning's issue in Jira (built
 * here from the Jira link's display URL, so the browser needs no Jira URL of its own) and to its retro page. Instants
 * are ISO-8601 strings; absent values are null, lists are never null.
 */
public final class LearningsJson {

    private LearningsJson() {
    }

    /**
     * {@code GET /learnings}: {@code state} is {@code ok}, {@code no-link} ({@code adminUrl} for administrators,
     * relative to Confluence's base URL), {@code authorize} ({@code authorizeUri}), {@code unavailable},
     * {@code not-found} or {@code forbidden}; {@code message} says it to the user (null for {@code ok}). The page
     * ({@code jiraUrl}, {@code startAt}, {@code maxResults}, {@code total}, {@code items}, {@code facets}) is empty for
     * every state but {@code ok}. {@code index} is the answering Jira node's search index, as for the similar past
     * failures ({@code ready}, {@code building} with {@code percent}, {@code unavailable}); null when Jira did not say,
     * and for every state but {@code ok}.
     */
    public record Page(String state, String message, String adminUrl, String authorizeUri, String jiraUrl, int startAt,
                       int maxResults, int total, List<Item> items, Facets facets, SimilarJson.Index index) {

        static Page failure(JiraStates.Failure failure) {
            return new Page(failure.state(), failure.message(), failure.adminUrl(), failure.authorizeUri(), null, 0, 0,
                    0, List.of(), Facets.NONE, null);
        }

        static Page ok(LearningPageView page) {
            String jiraUrl = base(page.jiraUrl());
            return new Page("ok", null, null, null, jiraUrl, page.startAt(), page.maxResults(), page.total(),
                    page.items().stream().map(item -> item(item, jiraUrl)).toList(), facetCounts(page.facets()),
                    page.index() == null ? null : new SimilarJson.Index(page.index().state(), page.index().percent()));
        }
    }

    /**
     * A learning: {@code kind} is {@code insight}, {@code surprise}, {@code went_well} or {@code got_lucky};
     * {@code highlight} is its whole text in segments, those that matched the search's text with {@code match: true}
     * (plain text, as {@code text} is), or null: then show {@code text}.
     */
    public record Item(long id, String text, String kind, String createdAt, Record record, RetroPage retroPage,
                       List<Segment> highlight) {
    }

    /** A piece of a learning's text; {@code match} when it matched the search's text. */
    public record Segment(String text, boolean match) {
    }

    /** The learning's experiment or incident; {@code url} is the issue in Jira (null when Jira's URL is not known). */
    public record Record(String issueKey, String projectKey, String summary, String kind, String status,
                         String failureType, String category, String url, List<AwardBadge> awards) {
    }

    /** A most-valuable-failure badge of the record: {@code kind} {@code winner} or {@code nominee}; plain text. */
    public record AwardBadge(String award, String kind, String text) {
    }

    /**
     * {@code POST /learnings/{learningId}/citations}: {@code state} {@code ok} with Jira's {@code target}
     * ({@code page:<id>}), {@code reusedAt}, the learning's {@code reuses} and whether this call recorded it
     * ({@code created}); or a failure state with its {@code message} (and {@code adminUrl} / {@code authorizeUri}).
     */
    public record Citation(String state, long learningId, String target, String reusedAt, long reuses,
                           boolean created, String message, String adminUrl, String authorizeUri) {
    }

    /** The record's retro page in Confluence. */
    public record RetroPage(String url, String title) {
    }

    /** Counts over all matches, in Jira's order (values sorted); {@code period} by month, {@code yyyy-MM}. */
    public record Facets(List<Count> project, List<Count> recordKind, List<Count> learningKind,
                         List<Count> failureType, List<Count> category, List<Count> period) {

        static final Facets NONE = new Facets(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** One value of a facet: a project key or a lower-case name, and how many matching learnings have it. */
    public record Count(String value, int count) {
    }

    private static Item item(LearningPageView.Item item, String jiraUrl) {
        LearningPageView.Record r = item.record();
        return new Item(item.id(), item.text(), item.kind(), item.createdAt() == null ? null : item.createdAt().toString(),
                new Record(r.issueKey(), r.projectKey(), r.summary(), r.kind(), r.status(), r.failureType(),
                        r.category(), browseUrl(jiraUrl, r.issueKey()), r.awards().stream()
                                .map(b -> new AwardBadge(b.award(), b.kind(), b.text())).toList()),
                retroPage(item.retroPage()),
                item.highlight() == null ? null
                        : item.highlight().stream().map(s -> new Segment(s.text(), s.match())).toList());
    }

    private static Facets facetCounts(LearningPageView.Facets f) {
        return new Facets(counts(f.project()), counts(f.recordKind()), counts(f.learningKind()),
                counts(f.failureType()), counts(f.category()), counts(f.period()));
    }

    private static List<Count> counts(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
    }

    /** Jira's base URL without a trailing slash; null unless it is an absolute http(s) URL. */
    static String base(URI jiraUrl) {
        if (jiraUrl == null || !isHttp(jiraUrl.toString())) {
            return null;
        }
        String url = jiraUrl.toString();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }

    /** {@code https://jira.example.com/browse/OPS-42}, the key as one path segment; null without a base. */
    static String browseUrl(String jiraUrl, String issueKey) {
        if (jiraUrl == null || issueKey == null) {
            return null;
        }
        return jiraUrl + "/browse/" + URLEncoder.encode(issueKey, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The retro page when its URL is an absolute http(s) URL (a link in the page must not run script); otherwise none.
     * Without a title the page is still linked.
     */
    static RetroPage retroPage(LearningPageView.RetroPage page) {
        if (page == null || page.url() == null || !isHttp(page.url().strip())) {
            return null;
        }
        return new RetroPage(page.url().strip(), page.title());
    }

    private static boolean isHttp(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }
}
