package dev.failforward.core.record;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of the failure database: the projection of an experiment or incident issue that KPIs and the learnings
 * archive read instead of looping over Jira issues (ARCHITECTURE.md §4). This first version carries the identity and
 * the fields every later feature needs; issue "Failure database" grows it.
 *
 * @param issueId    the Jira issue id, stable across moves between projects (the record's identity)
 * @param issueKey   the current issue key, e.g. {@code OPS-42}
 * @param projectKey the current project key, e.g. {@code OPS}
 * @param hypothesis the experiment's hypothesis text, or {@code null} (incidents have none)
 */
public record FailureRecord(long issueId, String issueKey, String projectKey, RecordKind kind, String summary,
                            String status, String hypothesis, Instant createdAt, Instant updatedAt) {

    public static final int SUMMARY_MAX_LENGTH = 255;
    public static final int STATUS_MAX_LENGTH = 60;
    public static final int HYPOTHESIS_MAX_LENGTH = 2000;

    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,254}");
    private static final Pattern ISSUE_KEY = Pattern.compile("([A-Z][A-Z0-9_]{0,254})-[1-9][0-9]{0,17}");

    public FailureRecord {
        if (issueId <= 0) {
            throw new IllegalArgumentException("issueId must be positive: " + issueId);
        }
        require(issueKey, "issueKey");
        require(projectKey, "projectKey");
        Objects.requireNonNull(kind, "kind");
        require(summary, "summary");
        require(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (!PROJECT_KEY.matcher(projectKey).matches()) {
            throw new IllegalArgumentException("projectKey is not a Jira project key: " + projectKey);
        }
        var key = ISSUE_KEY.matcher(issueKey);
        if (!key.matches() || !key.group(1).equals(projectKey)) {
            throw new IllegalArgumentException("issueKey " + issueKey + " is not an issue key of project " + projectKey);
        }
        maxLength(summary, SUMMARY_MAX_LENGTH, "summary");
        maxLength(status, STATUS_MAX_LENGTH, "status");
        if (hypothesis != null) {
            maxLength(hypothesis, HYPOTHESIS_MAX_LENGTH, "hypothesis");
        }
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("updatedAt " + updatedAt + " is before createdAt " + createdAt);
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static void maxLength(String value, int max, String name) {
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " is longer than " + max + " characters");
        }
    }
}
