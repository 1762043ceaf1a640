package dev.failforward.jira.importing;

/**
 * Brings an issue's failure record up to date now, as the projection does on the issue's events (idempotent), so the
 * import can add learnings and action items to a record of the issue it has just created.
 */
public interface IncidentRecords {

    void refresh(long issueId);
}
