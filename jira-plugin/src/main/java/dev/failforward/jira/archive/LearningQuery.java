package dev.failforward.jira.archive;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.RecordQuery;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A search of the learnings archive: learnings filtered by their own kind and creation time and by the record they
 * belong to. Every filter is optional except the projects; {@code null} means "any".
 *
 * <p>Lives in the plugin, not in {@code core}: the archive is a read model of the Jira failure database, and the core
 * ports belong to another team (ARCHITECTURE.md).
 *
 * @param projectKeys    the projects to search (already narrowed to the browsable ones); empty finds nothing
 * @param createdFrom    learnings created at or after this instant
 * @param createdBefore  learnings created before this instant
 * @param text           case-insensitive substring of the learning's text or the record's search text
 */
public record LearningQuery(Set<String> projectKeys, RecordKind recordKind, LearningKind learningKind,
                            FailureType failureType, FailureCategory category, Instant createdFrom,
                            Instant createdBefore, String text, PageRequest page) {

    public static final int TEXT_MAX_LENGTH = RecordQuery.TEXT_MAX_LENGTH;
    public static final int MAX_PROJECTS = RecordQuery.MAX_PROJECTS;
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public LearningQuery {
        Objects.requireNonNull(projectKeys, "projectKeys");
        projectKeys = new TreeSet<>(projectKeys);
        if (projectKeys.size() > MAX_PROJECTS) {
            throw new IllegalArgumentException("at most " + MAX_PROJECTS + " projects");
        }
        if (text != null && (text.isBlank() || text.length() > TEXT_MAX_LENGTH)) {
            throw new IllegalArgumentException("text must be 1 to " + TEXT_MAX_LENGTH + " characters");
        }
        Objects.requireNonNull(page, "page");
        if (page.limit() > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be at most " + MAX_LIMIT);
        }
        projectKeys = java.util.Collections.unmodifiableSet(projectKeys);
    }

    /** Everything in these projects, first page. */
    public static LearningQuery inProjects(Set<String> projectKeys) {
        return new LearningQuery(projectKeys, null, null, null, null, null, null, null,
                PageRequest.first(DEFAULT_LIMIT));
    }

    public String normalizedText() {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    public LearningQuery withProjects(Set<String> keys) {
        return new LearningQuery(keys, recordKind, learningKind, failureType, category, createdFrom, createdBefore,
                text, page);
    }
}
