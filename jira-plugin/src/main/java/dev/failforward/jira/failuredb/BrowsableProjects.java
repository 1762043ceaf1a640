package dev.failforward.jira.failuredb;

import dev.failforward.jira.permissions.RecordPermissions;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The projects a request of the current user may read, worked out in one place for the failure database, the
 * learnings archive, the KPIs and the pulse. They used to narrow the requested projects each on their own; one helper
 * keeps the promise they share: a project the user may not browse is answered exactly like one that does not exist
 * (dropped from a search, refused with the same {@link FailureDbException.ProjectHidden} when the request is about
 * the project itself). Reads {@link RecordPermissions} afresh on every call, so it caches nothing and is safe to keep.
 */
public final class BrowsableProjects {

    private final RecordPermissions permissions;

    public BrowsableProjects(RecordPermissions permissions) {
        this.permissions = Objects.requireNonNull(permissions, "permissions");
    }

    /** Every project the user may browse, sorted (none when anonymous). */
    public Set<String> all() {
        return new TreeSet<>(permissions.browsableProjectKeys());
    }

    /**
     * The projects a search reads: every browsable one when {@code requested} is {@code null}; otherwise the requested
     * keys, trimmed and upper-cased, that the user may browse — the others (hidden, missing, malformed) are silently
     * dropped, so asking for a hidden project answers like asking for a missing one: nothing.
     *
     * @param max the most projects one query can name
     * @throws FailureDbException.TooManyProjects when more than {@code max} remain
     */
    public Set<String> forSearch(Set<String> requested, int max) {
        Set<String> browsable = permissions.browsableProjectKeys();
        Set<String> allowed = new TreeSet<>();
        if (requested == null) {
            allowed.addAll(browsable);
        } else {
            for (String key : requested) {
                String normalised = key == null ? "" : key.strip().toUpperCase(Locale.ROOT);
                if (browsable.contains(normalised)) {
                    allowed.add(normalised);
                }
            }
        }
        if (allowed.size() > max) {
            throw new FailureDbException.TooManyProjects(max);
        }
        return allowed;
    }

    /** Of {@code keys} (e.g. a saved filter's), those the user may browse: Jira's search would find nothing in others. */
    public Set<String> among(Collection<String> keys) {
        Set<String> browsable = permissions.browsableProjectKeys();
        Set<String> allowed = new TreeSet<>();
        for (String key : keys) {
            if (browsable.contains(key)) {
                allowed.add(key);
            }
        }
        return allowed;
    }

    /**
     * Projects a request is about (KPIs of named projects): each must be browsable, sorted.
     *
     * @throws FailureDbException.ProjectHidden for the first one that is not (or does not exist: the same answer)
     */
    public Set<String> require(Collection<String> keys) {
        Set<String> required = new TreeSet<>();
        for (String key : keys) {
            required.add(require(key));
        }
        return required;
    }

    /**
     * One project a request is about (the pulse of a project).
     *
     * @throws FailureDbException.ProjectHidden when it is {@code null}, hidden or missing (the same answer)
     */
    public String require(String key) {
        if (key == null || !permissions.canBrowse(key)) {
            throw new FailureDbException.ProjectHidden(String.valueOf(key));
        }
        return key;
    }
}
