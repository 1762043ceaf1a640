package dev.failforward.jira.persistence;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.RecordQuery;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The failure records an issue search's clauses select: projects, issue types, issue keys and ranges of the record's
 * times (the fields the KPI charts' issue-search links name), ordered by one of them. {@link AoRecordFieldSearch}
 * runs it. In Jira, Jira's own issue index answers that JQL; the preview, which has no such index, answers it from
 * the failure database with this query.
 *
 * <p><b>Projects are a permission boundary,</b> as in {@link RecordQuery}: the caller passes exactly the projects the
 * user may browse (and asked for); an empty set matches nothing. {@code kinds} and {@code issueKeys} are {@code null}
 * for "any" and a set for "one of these", so an empty set (two clauses that exclude each other) matches nothing.
 *
 * @param bounds    every one must hold: {@code field op instant}; a record without a value for the field matches none
 * @param sort      what the page is ordered by; ties are broken by the issue id, in the same direction
 * @param ascending the direction; records without a value for a {@link Field#nullable() nullable} sort field come
 *                  after all the others in either direction
 * @param counts    every one must hold too: {@code count op n} on how many learnings or next steps the record has (the
 *                  count fields, "Failure learnings" / "Failure next steps"); a record without any has the count 0
 */
public record RecordFieldQuery(Set<String> projectKeys, Set<RecordKind> kinds, Set<String> issueKeys,
                               List<Bound> bounds, Field sort, boolean ascending, PageRequest page,
                               List<CountBound> counts) {

    /** Bounds the size of the {@code ISSUE_KEY IN} list (Oracle takes at most 1,000 expressions in one). */
    public static final int MAX_ISSUE_KEYS = 1000;

    /** A field of the record an issue search can compare or order by, with its column. */
    public enum Field {
        /** The issue key: project key, then the number numerically. Orders only; no bounds. */
        KEY(null, false, null),
        CREATED(FailureRecordEntity.CREATED_AT, false, FailureRecord::createdAt),
        UPDATED(FailureRecordEntity.UPDATED_AT, false, FailureRecord::updatedAt),
        STARTED(FailureRecordEntity.STARTED_AT, true, FailureRecord::startedAt),
        DECIDED(FailureRecordEntity.DECIDED_AT, true, FailureRecord::decidedAt),
        DISCOVERED(FailureRecordEntity.DISCOVERED_AT, true, FailureRecord::discoveredAt),
        REPORTED(FailureRecordEntity.REPORTED_AT, true, FailureRecord::reportedAt),
        RESOLVED(FailureRecordEntity.RESOLVED_AT, true, FailureRecord::resolvedAt);

        private final String column;
        private final boolean nullable;
        private final Function<FailureRecord, Instant> value;

        Field(String column, boolean nullable, Function<FailureRecord, Instant> value) {
            this.column = column;
            this.nullable = nullable;
            this.value = value;
        }

        String column() {
            return column;
        }

        /** Whether a record may have no value for it (an experiment not started yet, an incident not resolved). */
        public boolean nullable() {
            return nullable;
        }

        /** The record's value of this time field; {@code null} for {@link #KEY} or when the record has none. */
        public Instant valueOf(FailureRecord record) {
            return value == null ? null : value.apply(record);
        }
    }

    /** How a bound compares the record's time with its instant. */
    public enum Comparison {
        AT_OR_AFTER(">="), AFTER(">"), BEFORE("<"), AT_OR_BEFORE("<="), AT("=");

        private final String sql;

        Comparison(String sql) {
            this.sql = sql;
        }

        String sql() {
            return sql;
        }

        /** Whether {@code value op bound} holds. */
        public boolean holds(long value, long bound) {
            return switch (this) {
                case AT_OR_AFTER -> value >= bound;
                case AFTER -> value > bound;
                case BEFORE -> value < bound;
                case AT_OR_BEFORE -> value <= bound;
                case AT -> value == bound;
            };
        }
    }

    /** What a record holds a number of: the count fields. */
    public enum Count { LEARNINGS, NEXT_STEPS }

    /** {@code count op value}, e.g. at least 3 learnings ({@link Comparison#AT_OR_AFTER}: {@code >=}). */
    public record CountBound(Count count, Comparison op, long value) {
        public CountBound {
            Objects.requireNonNull(count, "count");
            Objects.requireNonNull(op, "op");
        }

        /** Whether a record with {@code n} of them matches. */
        public boolean matches(long n) {
            return op.holds(n, value);
        }
    }

    /** {@code field op at}, e.g. started at or after 2026-01-01T00:00 in the user's zone. */
    public record Bound(Field field, Comparison op, Instant at) {
        public Bound {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(at, "at");
            if (field == Field.KEY) {
                throw new IllegalArgumentException("the issue key is no time: it cannot bound a search");
            }
        }
    }

    /** A query without count bounds. */
    public RecordFieldQuery(Set<String> projectKeys, Set<RecordKind> kinds, Set<String> issueKeys, List<Bound> bounds,
                            Field sort, boolean ascending, PageRequest page) {
        this(projectKeys, kinds, issueKeys, bounds, sort, ascending, page, List.of());
    }

    public RecordFieldQuery {
        counts = List.copyOf(counts == null ? List.of() : counts);
        projectKeys = sortedCopy(projectKeys, "projectKeys", RecordQuery.MAX_PROJECTS);
        for (String key : projectKeys) {
            if (!FailureRecord.isProjectKey(key)) {
                throw new IllegalArgumentException("projectKeys contains a non-key: " + key);
            }
        }
        kinds = kinds == null ? null : Collections.unmodifiableSet(kinds.isEmpty()
                ? EnumSet.noneOf(RecordKind.class) : EnumSet.copyOf(kinds));
        if (issueKeys != null) {
            issueKeys = sortedCopy(issueKeys, "issueKeys", MAX_ISSUE_KEYS);
            for (String key : issueKeys) {
                if (!FailureRecord.isIssueKey(key)) {
                    throw new IllegalArgumentException("issueKeys contains a non-key: " + key);
                }
            }
        }
        bounds = List.copyOf(Objects.requireNonNull(bounds, "bounds"));
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
    }

    /** Whether no record can match: no project, or clauses that exclude each other. */
    public boolean matchesNothing() {
        return projectKeys.isEmpty() || kinds != null && kinds.isEmpty() || issueKeys != null && issueKeys.isEmpty();
    }

    /** Whether every record the query matches has a value for the sort field (a bound on it requires one). */
    boolean sortFieldAlwaysSet() {
        return !sort.nullable() || bounds.stream().anyMatch(b -> b.field() == sort);
    }

    private static SortedSet<String> sortedCopy(Set<String> values, String name, int max) {
        Objects.requireNonNull(values, name);
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
