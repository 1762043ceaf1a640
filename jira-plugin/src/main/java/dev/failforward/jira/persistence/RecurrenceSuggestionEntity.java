package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * AO row of one "Recurrence of OPS-12?" suggestion ({@code AO_xxxxxx_RECUR_SUGGESTION}): the incident
 * ({@code ISSUE_ID}, in {@code PROJECT_KEY}) may repeat the earlier failure {@code PAST_ISSUE_ID}. {@code STATE}:
 * {@code P} pending, {@code C} confirmed (the "recurrence of" link was made), {@code D} dismissed — a dismissed pair is
 * never suggested again. At most one row per (issue, past issue): the writer looks in the same transaction, and a
 * duplicate from two nodes racing is harmless (readers keep the first row per pair).
 */
@Preload
@Table("RECUR_SUGGESTION")
public interface RecurrenceSuggestionEntity extends Entity {

    String ISSUE_ID = "ISSUE_ID";
    String PROJECT_KEY = "PROJECT_KEY";
    String PAST_ISSUE_ID = "PAST_ISSUE_ID";
    String PAST_ISSUE_KEY = "PAST_ISSUE_KEY";
    String SCORE = "SCORE";
    String REASONS = "REASONS";
    String STATE = "STATE";
    String DECIDED_BY = "DECIDED_BY";
    String DECIDED_AT = "DECIDED_AT";
    String CREATED_AT = "CREATED_AT";

    String PENDING = "P";
    String CONFIRMED = "C";
    String DISMISSED = "D";

    @NotNull
    @Indexed
    long getIssueId();

    void setIssueId(long issueId);

    @NotNull
    @Indexed
    @StringLength(255)
    String getProjectKey();

    void setProjectKey(String projectKey);

    @NotNull
    long getPastIssueId();

    void setPastIssueId(long pastIssueId);

    @NotNull
    @StringLength(255)
    String getPastIssueKey();

    void setPastIssueKey(String pastIssueKey);

    @NotNull
    double getScore();

    void setScore(double score);

    /** The shared terms and fields, one per line. */
    @StringLength(450)
    String getReasons();

    void setReasons(String reasons);

    @NotNull
    @Indexed
    @StringLength(1)
    String getState();

    void setState(String state);

    @StringLength(255)
    String getDecidedBy();

    void setDecidedBy(String userKey);

    Long getDecidedAt();

    void setDecidedAt(Long epochMillis);

    @NotNull
    long getCreatedAt();

    void setCreatedAt(long epochMillis);
}
