package dev.failforward.core.record;

/** What a {@link RecordQuery} sorts by. Ties are always broken by the issue id, so pages never overlap. */
public enum RecordSort {
    /** Creation time of the issue. */
    CREATED,
    /** Last update time of the issue. */
    UPDATED,
    /** Issue key: project key alphabetically, then the issue number numerically ({@code OPS-9} before {@code OPS-10}). */
    KEY
}
