package dev.failforward.jira.failuredb;

/**
 * Told after a record's learnings or action items were added, edited or deleted — once the change has committed — so
 * that what Jira derives from their counts (the count fields' values in Jira's issue index, which JQL searches) follows.
 * Returns at once: the work happens off the caller's thread.
 *
 * <p>A port of the failure database, owned here; the {@code counts} package implements it with Jira's issue indexing.
 */
public interface CountsChanged {

    /** Nothing derives from the counts (tests of other things, the preview, whose JQL reads the database). */
    CountsChanged NONE = issueId -> {
    };

    void countsChanged(long issueId);
}
