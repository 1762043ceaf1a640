package dev.failforward.confluence.jira;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The past failures most like one record's whole text, and whether Jira's search index could say: Jira's
 * {@code GET /similar/{issueKey}}. While Jira's index builds, {@code matches} is empty and {@link Index#state()} says
 * {@code building}. Lists are never null.
 *
 * @param jiraUrl the Jira link's display URL, the base of each match's {@link Match#url()} (null when it is not known);
 *                not part of Jira's answer: the client adds it
 */
public record SimilarView(List<Match> matches, Index index, URI jiraUrl) {

    public SimilarView {
        matches = matches == null ? List.of() : List.copyOf(matches);
        Objects.requireNonNull(index, "index");
    }

    /** The same answer with links to Jira based on {@code url}. */
    public SimilarView withJiraUrl(URI url) {
        return new SimilarView(matches, index, url);
    }

    /**
     * One similar past failure, most similar first.
     *
     * @param score   relevance as Jira ranks it (comparable only within one answer)
     * @param reasons why it matched, most telling first: shared terms as written ("certificate") and shared fields
     *                ("same component")
     * @param url       the page, relative to Jira's base URL ({@code /browse/OPS-12}), as Jira sent it, or null
     * @param learnings the match's newest learnings (what a retro may cite), newest first; never null
     */
    public record Match(String key, String projectKey, String summary, double score, List<String> reasons,
                        String url, List<Learning> learnings) {
        public Match {
            Objects.requireNonNull(key, "key");
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            learnings = learnings == null ? List.of() : List.copyOf(learnings);
        }

        /** A match without learnings. */
        public Match(String key, String projectKey, String summary, double score, List<String> reasons, String url) {
            this(key, projectKey, summary, score, reasons, url, List.of());
        }
    }

    /**
     * A learning of a match: {@code id} is Jira's learning id (what {@link FailureDbClient#citeLearning} takes),
     * {@code kind} Jira's lower-case kind ({@code insight}, {@code surprise}, …); {@code cited}: the page asked about
     * already cited it (false when none was asked about).
     */
    public record Learning(long id, String text, String kind, boolean cited) {
        public Learning {
            Objects.requireNonNull(text, "text");
        }

        /** A learning no page was asked about. */
        public Learning(long id, String text, String kind) {
            this(id, text, kind, false);
        }
    }

    /**
     * The state of Jira's search index: {@code ready}, {@code building} (with {@code percent} done, 0..100) or
     * {@code unavailable}, in Jira's lower-case spelling (a state a later Jira adds is passed on as it is).
     */
    public record Index(String state, int percent) {
        public Index {
            Objects.requireNonNull(state, "state");
            percent = Math.max(0, Math.min(100, percent));
        }
    }
}
