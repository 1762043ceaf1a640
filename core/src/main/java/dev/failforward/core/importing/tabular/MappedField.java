package dev.failforward.core.importing.tabular;

import java.util.Optional;

/**
 * What a column of an export can feed. {@link #key()} is the stable name used in a saved {@link ColumnMapping}
 * ({@link ColumnMapping#toMap()}); never rename one.
 */
public enum MappedField {
    /** The tool's id or reference ("INC-123"): the stable source key and the row's name in the report. */
    SOURCE_ID("id", false),
    TITLE("title", false),
    SUMMARY("summary", false),
    IMPACT("impact", false),
    DETECTION("detection", false),
    RESOLUTION("resolution", false),
    ROOT_CAUSE("rootCause", false),
    TRIGGER("trigger", false),
    CONTRIBUTING_FACTORS("contributingFactors", false),
    STARTED_AT("startedAt", false),
    DISCOVERED_AT("discoveredAt", false),
    REPORTED_AT("reportedAt", false),
    RESOLVED_AT("resolvedAt", false),
    SEVERITY("severity", false),
    CATEGORY("category", false),
    FAILURE_TYPE("failureType", false),
    /** One or several columns, each cell a list split by line breaks or {@code ;}. */
    LEARNINGS("learnings", true),
    /** One or several columns, each cell a list split by line breaks or {@code ;}. */
    ACTION_ITEMS("actionItems", true),
    /** The incident's owner, lead or commander: kept among the incident's attendees. */
    OWNER("owner", false),
    /** A link to the post-mortem document: added to the summary as "Post-mortem: URL". */
    POSTMORTEM_URL("postmortemUrl", false);

    private final String key;
    private final boolean multiple;

    MappedField(String key, boolean multiple) {
        this.key = key;
        this.multiple = multiple;
    }

    public String key() {
        return key;
    }

    /** Whether several columns may feed it. */
    public boolean multiple() {
        return multiple;
    }

    public static Optional<MappedField> ofKey(String key) {
        for (MappedField f : values()) {
            if (f.key.equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
