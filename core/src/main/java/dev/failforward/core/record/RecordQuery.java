package dev.failforward.core.record;

import dev.failforward.core.experiment.Phase;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A search of the failure database. Every filter narrows the result; {@code null} (or an empty status set) means
 * "any". Start with {@link #inProjects(Set)} and refine with the {@code with…} methods.
 *
 * <p><b>Projects are a permission boundary:</b> the caller passes exactly the projects the user may browse, and an
 * empty set matches nothing, never everything.
 *
 * <p><b>Free text</b> ({@link #text()}) matches, case-insensitively and as a plain substring (no wildcards: {@code %}
 * and {@code _} match themselves), the record's issue key, summary, hypothesis (the whole text), team, component and
 * labels. It does not search learnings: the learnings archive searches those through {@link LearningRepository}.
 *
 * @param createdFrom   only records created at or after this instant
 * @param createdBefore only records created before this instant (exclusive)
 */
public record RecordQuery(Set<String> projectKeys, RecordKind kind, Set<String> statuses, Phase phase,
                          FailureType failureType, FailureCategory failureCategory, Instant createdFrom,
                          Instant createdBefore, String text, RecordSort sort, boolean ascending, PageRequest page) {

    public static final int TEXT_MAX_LENGTH = 200;
    /** Bounds the size of the SQL {@code IN} lists. */
    public static final int MAX_PROJECTS = 1000;
    public static final int MAX_STATUSES = 50;
    public static final PageRequest DEFAULT_PAGE = PageRequest.first(50);

    public RecordQuery {
        projectKeys = sortedCopy(projectKeys, "projectKeys", MAX_PROJECTS);
        for (String key : projectKeys) {
            if (!FailureRecord.isProjectKey(key)) {
                throw new IllegalArgumentException("projectKeys contains a non-key: " + key);
            }
        }
        statuses = sortedCopy(statuses, "statuses", MAX_STATUSES);
        for (String status : statuses) {
            if (status.isBlank() || status.length() > FailureRecord.STATUS_MAX_LENGTH) {
                throw new IllegalArgumentException("statuses contains a blank or too long status: \"" + status + "\"");
            }
        }
        if (createdFrom != null && createdBefore != null && !createdFrom.isBefore(createdBefore)) {
            throw new IllegalArgumentException("createdFrom " + createdFrom + " must be before createdBefore " + createdBefore);
        }
        if (text != null) {
            text = text.strip();
            if (text.isEmpty()) {
                text = null;
            } else if (text.length() > TEXT_MAX_LENGTH) {
                throw new IllegalArgumentException("text is longer than " + TEXT_MAX_LENGTH + " characters");
            }
        }
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
    }

    /** All records of the given projects, newest first, first page of {@link #DEFAULT_PAGE}. */
    public static RecordQuery inProjects(Set<String> projectKeys) {
        return new RecordQuery(projectKeys, null, Set.of(), null, null, null, null, null, null, RecordSort.CREATED,
                false, DEFAULT_PAGE);
    }

    /** The text lower-cased for matching, or {@code null}. */
    public String normalizedText() {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    public RecordQuery withKind(RecordKind newKind) {
        return new RecordQuery(projectKeys, newKind, statuses, phase, failureType, failureCategory, createdFrom,
                createdBefore, text, sort, ascending, page);
    }

    public RecordQuery withStatuses(Set<String> newStatuses) {
        return new RecordQuery(projectKeys, kind, newStatuses, phase, failureType, failureCategory, createdFrom,
                createdBefore, text, sort, ascending, page);
    }

    public RecordQuery withPhase(Phase newPhase) {
        return new RecordQuery(projectKeys, kind, statuses, newPhase, failureType, failureCategory, createdFrom,
                createdBefore, text, sort, ascending, page);
    }

    public RecordQuery withFailureType(FailureType newType) {
        return new RecordQuery(projectKeys, kind, statuses, phase, newType, failureCategory, createdFrom,
                createdBefore, text, sort, ascending, page);
    }

    public RecordQuery withFailureCategory(FailureCategory newCategory) {
        return new RecordQuery(projectKeys, kind, statuses, phase, failureType, newCategory, createdFrom,
                createdBefore, text, sort, ascending, page);
    }

    /** Created in {@code [from, before)}; either bound may be {@code null}. */
    public RecordQuery withCreated(Instant from, Instant before) {
        return new RecordQuery(projectKeys, kind, statuses, phase, failureType, failureCategory, from, before, text,
                sort, ascending, page);
    }

    public RecordQuery withText(String newText) {
        return new RecordQuery(projectKeys, kind, statuses, phase, failureType, failureCategory, createdFrom,
                createdBefore, newText, sort, ascending, page);
    }

    public RecordQuery sortedBy(RecordSort newSort, boolean newAscending) {
        return new RecordQuery(projectKeys, kind, statuses, phase, failureType, failureCategory, createdFrom,
                createdBefore, text, newSort, newAscending, page);
    }

    public RecordQuery withPage(PageRequest newPage) {
        return new RecordQuery(projectKeys, kind, statuses, phase, failureType, failureCategory, createdFrom,
                createdBefore, text, sort, ascending, newPage);
    }

    private static Set<String> sortedCopy(Set<String> values, String name, int max) {
        if (values == null) {
            return Collections.emptySortedSet();
        }
        if (values.size() > max) {
            throw new IllegalArgumentException(name + " has more than " + max + " entries");
        }
        SortedSet<String> copy = new TreeSet<>();
        for (String value : values) {
            copy.add(Objects.requireNonNull(value, name + " entry"));
        }
        return Collections.unmodifiableSortedSet(copy);
    }
}
