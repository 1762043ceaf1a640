package dev.failforward.core.record;

/** What a failure-database record projects: an experiment or an incident (both are Jira issues). */
public enum RecordKind {
    EXPERIMENT,
    INCIDENT
}
