package dev.failforward.confluence.jira;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action item of a failure-database record, as Jira's REST API shows it. Names ({@code type}: {@code prevent},
 * {@code mitigate}, {@code detect}, {@code process}; {@code status}; {@code checkInResult}) are Jira's lower-case
 * spellings; dates and instants are null when absent or unreadable; {@code ownerName} is the owner's full name as
 * Jira shows it (null from a Jira that does not send it). {@code version} is what an edit must send back.
 */
public record ActionView(long id, String issueKey, String description, String ownerKey, String ownerName,
                         LocalDate dueDate, String type,
                         String status, LocalDate checkInDate, String checkInResult, String checkInNote,
                         Instant createdAt, Instant updatedAt, long version) {
}
