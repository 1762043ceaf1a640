package dev.failforward.jira.failuredb;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Port to the host's issues for follow-ups of action items ({@link FollowUpService}): create an issue or find one as
 * the current user, link it to the failure record's issue, and read it back. In Jira: {@code JiraFollowUpIssues}
 * (IssueService, so Jira checks Create Issues, validates the fields and fires the issue-created event, which notifies
 * through the project's notification scheme); in the preview, its own issues.
 */
public interface FollowUpIssues {

    /**
     * Creates an issue as the current user.
     *
     * @throws FailureDbException.BadField    {@code project} unknown or not browsable, {@code issueType} not of the
     *                                        project, or another field the host refused (named as the host names it)
     * @throws FailureDbException.FieldDenied {@code project}: the user may not create issues there
     */
    IssueRef create(NewIssue issue);

    /** The issue with this key, when it exists and the current user may browse it. */
    Optional<IssueRef> find(String issueKey);

    /**
     * Links the follow-up issue to the record's issue with the "Follow-up" link type (outward "is a follow-up of"),
     * as the current user. A link that cannot be written is logged, not thrown: the action item names its issue
     * anyway.
     */
    void link(long followUpIssueId, long recordIssueId);

    /** The issue as the current user may see it now, or empty when it is gone or they may not browse it. */
    Optional<FollowUpView> view(long issueId);

    /** Whether the issue is resolved now, read without any user (the projection's thread); empty when it is gone. */
    Optional<Boolean> resolved(long issueId);

    /** The issue's page. */
    String url(String issueKey);

    /**
     * What to create. {@code issueTypeId} {@code null}: the project's "Task" type, else its first standard type;
     * {@code assigneeKey} the action item's owner (user key); {@code dueDate} the action item's.
     */
    record NewIssue(String projectKey, String issueTypeId, String summary, String assigneeKey, LocalDate dueDate) {
    }

    /** An issue by its id and (current) key. */
    record IssueRef(long id, String key) {
    }

    /** A follow-up issue as shown: key, page, summary, status name, whether it has a resolution. */
    record FollowUpView(String key, String url, String summary, String status, boolean resolved) {
    }

    /** Summaries are at most this long (Jira's limit). */
    int SUMMARY_MAX_LENGTH = 255;

    /** The first non-blank line of the text, cut to {@value #SUMMARY_MAX_LENGTH} characters. */
    static String summaryOf(String text) {
        String first = text == null ? "" : text.strip().lines().map(String::strip).filter(l -> !l.isEmpty())
                .findFirst().orElse("");
        if (first.length() <= SUMMARY_MAX_LENGTH) {
            return first;
        }
        int end = SUMMARY_MAX_LENGTH - 1;
        if (Character.isLowSurrogate(first.charAt(end))) {
            end--; // never split a character in two
        }
        return first.substring(0, end).stripTrailing() + "…";
    }
}
