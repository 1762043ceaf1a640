package dev.failforward.confluence.jira;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;

/**
 * A search of Jira's learnings archive, in the shape of Jira's {@code GET /learnings} query parameters: project keys
 * (none: every project the user may browse), the lower-case names Jira uses for {@code recordKind}
 * ({@code experiment}, {@code incident}), {@code learningKind}, {@code failureType} and {@code category}, whole UTC days
 * {@code from} and {@code to} (inclusive), a text to look for, and the page. Null means "no filter". Passed through as
 * given: the caller checks the values first (our REST resource answers 400 naming each bad one), Jira checks again.
 */
public record LearningSearch(List<String> projects, String recordKind, String learningKind, String failureType,
                             String category, LocalDate from, LocalDate to, String text, int startAt,
                             int maxResults) {

    public LearningSearch {
        projects = projects == null ? List.of() : List.copyOf(projects);
    }

    /**
     * The URL query, every value percent-encoded (a space is {@code %20}), in a fixed order so that equal searches are
     * one cache entry: {@code project} repeated per key, then the filters that are set, then {@code startAt} and
     * {@code maxResults}.
     */
    String queryString() {
        StringJoiner query = new StringJoiner("&");
        for (String project : projects) {
            add(query, "project", project);
        }
        add(query, "recordKind", recordKind);
        add(query, "learningKind", learningKind);
        add(query, "failureType", failureType);
        add(query, "category", category);
        add(query, "from", from == null ? null : from.toString());
        add(query, "to", to == null ? null : to.toString());
        add(query, "text", text);
        add(query, "startAt", String.valueOf(startAt));
        add(query, "maxResults", String.valueOf(maxResults));
        return query.toString();
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null && !value.isEmpty()) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
    }
}
