package dev.failforward.confluence.jira;

/**
 * An action item to add, in the shape Jira's {@code POST /records/{issueKey}/actions} takes: {@code owner} is a Jira
 * user key, {@code type} one of {@code prevent}, {@code mitigate}, {@code detect}, {@code process}, dates
 * {@code yyyy-MM-dd}; {@code checkInDate} may be null. Passed through as given: Jira validates and answers a 400 naming
 * each bad field, which the client returns as {@link JiraResult.Invalid}.
 */
public record NewAction(String description, String owner, String dueDate, String type, String checkInDate) {
}
