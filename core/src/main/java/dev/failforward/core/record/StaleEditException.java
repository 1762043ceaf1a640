package dev.failforward.core.record;

/**
 * An edit was based on a version that is no longer the stored one: someone else changed (or deleted) the item since
 * it was read. Callers reload and let the user re-apply the change (REST: 409).
 */
public class StaleEditException extends RuntimeException {

    private final String itemType;
    private final long id;
    private final long expectedVersion;

    public StaleEditException(String itemType, long id, long expectedVersion) {
        super(itemType + " " + id + " was changed or deleted since version " + expectedVersion + " was read");
        this.itemType = itemType;
        this.id = id;
        this.expectedVersion = expectedVersion;
    }

    public String itemType() {
        return itemType;
    }

    public long id() {
        return id;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
