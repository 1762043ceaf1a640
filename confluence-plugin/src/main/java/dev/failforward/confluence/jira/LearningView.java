package dev.failforward.confluence.jira;

import java.time.Instant;

/**
 * A learning of a failure-database record, as Jira's REST API shows it. {@code kind} is Jira's lower-case name
 * ({@code insight}, {@code surprise}, {@code went_well}, {@code got_lucky}); {@code createdAt} is null when Jira did
 * not send a readable instant.
 */
public record LearningView(long id, String issueKey, String text, String kind, String authorKey, Instant createdAt) {
}
