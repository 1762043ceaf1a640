package dev.failforward.core.importing;

/** The fields an importer extracts, as named in provenance and in {@link ImportProblem}s. */
public enum ImportField {
    FILE,
    SOURCE_KEY,
    TITLE,
    SUMMARY,
    IMPACT,
    DETECTION,
    RESOLUTION,
    ROOT_CAUSE,
    TRIGGER,
    CONTRIBUTING_FACTORS,
    TIMELINE,
    STARTED_AT,
    DISCOVERED_AT,
    REPORTED_AT,
    RESOLVED_AT,
    SEVERITY,
    CATEGORY,
    FAILURE_TYPE,
    FAILURE_MODE,
    WHYS,
    LEARNINGS,
    ACTION_ITEMS,
    ATTENDEES,
    TIME_ZONE
}
