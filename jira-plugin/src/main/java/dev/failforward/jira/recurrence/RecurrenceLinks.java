package dev.failforward.jira.recurrence;

/** Port: the "Recurrence" issue link in the host (Jira's {@code IssueLinkManager}; the preview's own). */
public interface RecurrenceLinks {

    /**
     * Links {@code pastIssueId} "recurs as" {@code issueId} (so the incident is a "recurrence of" the past one) as the
     * current user; the projection then records it and the recurrence-rate KPI counts it.
     *
     * @return whether the link exists now (false when setup has not created the link type yet)
     */
    boolean link(long pastIssueId, long issueId);
}
