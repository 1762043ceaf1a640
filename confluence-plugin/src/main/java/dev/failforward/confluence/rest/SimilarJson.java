package dev.failforward.confluence.rest;

import dev.failforward.confluence.jira.SimilarView;

import java.util.List;
import java.util.regex.Pattern;

/**
 * "Have we failed like this before?" as JSON: the past failures most like one record, each linked into Jira (an
 * absolute URL built here from the Jira link's display URL, so the browser needs no Jira URL of its own), and the state
 * of Jira's search index. Absent values are null, lists are never null.
 */
public final class SimilarJson {

    /** A path Jira may send as a match's {@code url}: root-relative, one host (no {@code //}), no spaces or backslashes. */
    private static final Pattern RELATIVE_PATH = Pattern.compile("/(?![/\\\\])[^\\s\\\\]*");

    private SimilarJson() {
    }

    /**
     * {@code GET /similar/{issueKey}}: {@code state} is {@code ok}, {@code no-link} ({@code adminUrl} for
     * administrators, relative to Confluence's base URL), {@code authorize} ({@code authorizeUri}), {@code unavailable},
     * {@code not-found} or {@code forbidden}; {@code message} says it to the user (null for {@code ok}). {@code matches}
     * is empty and {@code index} null for every state but {@code ok}.
     */
    public record State(String state, String issueKey, String message, String adminUrl, String authorizeUri,
                        List<Match> matches, Index index) {

        static State failure(String issueKey, JiraStates.Failure failure) {
            return new State(failure.state(), issueKey, failure.message(), failure.adminUrl(), failure.authorizeUri(),
                    List.of(), null);
        }

        static State ok(String issueKey, SimilarView similar) {
            String jiraUrl = LearningsJson.base(similar.jiraUrl());
            return new State("ok", issueKey, null, null, null,
                    similar.matches().stream().map(match -> match(match, jiraUrl)).toList(),
                    new Index(similar.index().state(), similar.index().percent()));
        }
    }

    /**
     * A similar past failure: {@code reasons} are what it shares with the record ("certificate", "same component"),
     * most telling first; {@code url} is the issue in Jira (null when Jira's URL is not known); {@code learnings} its
     * newest learnings, each with the {@code id} a retro cites it by ({@code POST /learnings/{id}/citations}).
     */
    public record Match(String key, String summary, List<String> reasons, String url, List<Learning> learnings) {
    }

    /**
     * A learning of a similar past failure: Jira's id, the text and its lower-case kind; {@code cited}: the page the
     * request named ({@code pageId}) already cited it.
     */
    public record Learning(long id, String text, String kind, boolean cited) {
    }

    /** Jira's search index: {@code ready}, {@code building} ({@code percent} done) or {@code unavailable}. */
    public record Index(String state, int percent) {
    }

    private static Match match(SimilarView.Match match, String jiraUrl) {
        return new Match(match.key(), match.summary(), match.reasons(), url(jiraUrl, match),
                match.learnings().stream().map(l -> new Learning(l.id(), l.text(), l.kind(), l.cited())).toList());
    }

    /**
     * The match's page in Jira: the display URL and the path Jira sent; when Jira sent none, or one that is not a plain
     * root-relative path (it must not lead off Jira), the issue's {@code /browse/} page.
     */
    static String url(String jiraUrl, SimilarView.Match match) {
        if (jiraUrl == null) {
            return null;
        }
        String path = match.url() == null ? null : match.url().strip();
        return path != null && RELATIVE_PATH.matcher(path).matches() ? jiraUrl + path
                : LearningsJson.browseUrl(jiraUrl, match.key());
    }
}
