package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.experiment.Decision;
import dev.failforward.core.experiment.Outcome;
import dev.failforward.core.experiment.Phase;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureMode;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.RecordPage;
import dev.failforward.core.record.RecordQuery;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The failure database on Active Objects. Returns immutable core values, never AO proxies (STYLE.md habit 3).
 *
 * <p>Upsert runs find-then-write inside one transaction, keyed by the issue id, which has a unique constraint: if two
 * nodes project the same new issue at once, the second insert fails on the constraint instead of duplicating the
 * record, and {@link #upsert} tries once more, in a new transaction, which takes the update path.
 *
 * <p>{@link #search} builds one WHERE clause from the query with {@code ?} placeholders only (user text is always a
 * bound parameter, never part of the SQL), and uses it for the page (ORDER BY + LIMIT/OFFSET) and for the COUNT. The
 * free text matches the {@code SEARCH_TEXT} column (lower-cased key, summary, hypothesis, team, component, labels,
 * kept up to date by every upsert) with {@code LIKE ? ESCAPE '!'}: {@code !} is the escape character because a
 * backslash means different things in MySQL and standard SQL string literals; {@code !}, {@code %} and {@code _} in
 * the user's text are escaped with it, so they match themselves.
 *
 * <p><b>Portability of the hand-written criteria</b> (here and in the other {@code Ao*} classes; checked on HSQLDB and
 * PostgreSQL by the tests, the rest from the databases' documentation):
 * <ul>
 *   <li><b>Quoting.</b> AO creates every table and column quoted on PostgreSQL and Oracle (upper case), and rewrites a
 *       hand-written WHERE clause by quoting each name that a comparison operator ({@code = < > <> LIKE IN IS BETWEEN
 *       NOT}) follows. A criterion must therefore be {@code COLUMN op ?}: a column inside a function
 *       ({@code LOWER(BODY)}) stays unquoted, which PostgreSQL folds to lower case and does not find; a quote written
 *       by hand is wrong on MySQL, where {@code "X"} is a string unless {@code ANSI_QUOTES} is on. MySQL and SQL Server
 *       get quotes only for reserved words; MySQL's column names are case-insensitive.</li>
 *   <li><b>Comparing text.</b> {@code =}, {@code IN} and {@code LIKE} are case-sensitive on PostgreSQL, Oracle and
 *       HSQLDB but case-insensitive under MySQL's and SQL Server's default collations ({@code utf8mb4_0900_ai_ci},
 *       {@code SQL_Latin1_General_CP1_CI_AS}; MySQL's is also accent-insensitive). Keys are stored and asked for as
 *       Jira writes them (upper case), and free text is lower-cased in Java on both sides, so the answers agree.</li>
 *   <li><b>Empty strings.</b> Oracle stores {@code ''} as NULL, so a NOT NULL text column must never get {@code ''}
 *       (core values reject blank required text).</li>
 *   <li><b>Names.</b> Oracle allows 30 characters (before 12.2, which AO assumes), PostgreSQL 63, MySQL 64, SQL Server
 *       128; AO's Atlassian converters keep table, column, index and sequence names within 30. PostgreSQL's own
 *       SERIAL sequence ({@code AO_xxxxxx_FAILURE_RECORD_ID_seq}, 31) is named by PostgreSQL.</li>
 *   <li><b>Paging.</b> AO renders {@code limit}/{@code offset}: {@code LIMIT … OFFSET …} on PostgreSQL, MySQL and
 *       HSQLDB; a {@code ROWNUM} subquery on Oracle; {@code TOP (offset + limit)} on SQL Server, skipping the offset
 *       rows in the result set, so deep pages read every row before them there.</li>
 *   <li><b>IN lists.</b> Oracle takes at most 1,000 expressions in one IN list, SQL Server 2,100 parameters per
 *       statement: {@code RecordQuery.MAX_PROJECTS} is 1,000, and the other IN lists hold a page's ids (at most
 *       100).</li>
 *   <li><b>Times.</b> Dates are {@code TIMESTAMP} on PostgreSQL and Oracle, {@code DATETIME} on MySQL (whole seconds
 *       unless declared with a fraction) and SQL Server (1/300 s), hence comparisons to the second
 *       ({@code sameContent}). PostgreSQL's {@code TIMESTAMP} has no zone: the JDBC driver writes and reads the
 *       JVM's local time, so every node must run in the same time zone.</li>
 * </ul>
 */
@Named
public class AoFailureRecordRepository implements FailureRecordRepository {

    /** The escape character of the free-text LIKE. */
    static final char LIKE_ESCAPE = '!';
    private static final String LINE = "\n";

    private final ActiveObjects ao;
    private final RecordChangeLog changes;

    @Inject
    public AoFailureRecordRepository(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.changes = new RecordChangeLog(ao);
    }

    @Override
    public FailureRecord upsert(FailureRecord record) {
        Objects.requireNonNull(record, "record");
        try {
            return upsertOnce(record);
        } catch (RuntimeException e) {
            if (!DatabaseErrors.isUniqueViolation(e)) {
                throw e;
            }
            // another node or thread created the record first: this time the update path (a new transaction; inside
            // a caller's transaction on PostgreSQL this fails as aborted, and the caller's retry covers it)
            return upsertOnce(record);
        }
    }

    private FailureRecord upsertOnce(FailureRecord record) {
        return Transactions.write(ao, () -> {
            // ISSUE_ID = ? (unique, indexed): a number, the same on every database. A concurrent insert of the same
            // issue fails on the unique constraint and rolls back (on PostgreSQL the whole transaction is aborted)
            FailureRecordEntity[] existing = ao.find(FailureRecordEntity.class,
                    Query.select().where(FailureRecordEntity.ISSUE_ID + " = ?", record.issueId()));
            if (existing.length == 1 && unchangedOrOlder(toRecord(existing[0]), record)) {
                // nothing to write, no lock taken (the same event twice, a late snapshot): a record's updatedAt only
                // grows, so what is committed already is as new as this snapshot or newer
                return toRecord(existing[0]);
            }
            // the row locked before the check below: two nodes projecting the same issue at once would otherwise
            // both compare with the row as it was before either wrote, and the older snapshot could commit last
            FailureRecordEntity entity = existing.length == 0 ? null
                    : RowLocks.lock(ao, FailureRecordEntity.class, existing[0], row -> row.setIssueId(row.getIssueId()));
            if (entity == null) {
                FailureRecord created = toRecord(ao.create(FailureRecordEntity.class, columns(record)));
                // FULL: learnings or action items may already be there (a record removed and projected again)
                changes.full(List.of(record.issueId()));
                return created;
            }
            FailureRecord stored = toRecord(entity);
            if (unchangedOrOlder(stored, record)) {
                // an older snapshot of the issue: read before another node wrote a later change (each node projects
                // the events raised on it, in its own time). Keeping the later one makes the nodes converge on the
                // issue's last state, whatever order their projections end in. (Databases that keep no milliseconds,
                // e.g. MySQL before 5.6.4, can only order changes a second apart.)
                return stored;
            }
            write(entity, record);
            entity.setVersion(stored.version() + 1);
            entity.save();
            if (stored.projectKey().equals(record.projectKey())) {
                changes.record(record.issueId());
            } else {
                // moved: every event of the record, its action items' too, moves to the other project
                changes.full(List.of(record.issueId()));
            }
            return toRecord(entity);
        });
    }

    /** The stored record needs no write for this snapshot: the same content, or a later change of the issue. */
    private static boolean unchangedOrOlder(FailureRecord stored, FailureRecord snapshot) {
        return sameContent(stored, snapshot) || stored.updatedAt().isAfter(snapshot.updatedAt());
    }

    @Override
    public Optional<FailureRecord> findByIssueId(long issueId) {
        return first(Query.select().where(FailureRecordEntity.ISSUE_ID + " = ?", issueId));
    }

    @Override
    public Optional<FailureRecord> findByIssueKey(String issueKey) {
        Objects.requireNonNull(issueKey, "issueKey");
        // ISSUE_KEY = ?: case-insensitive on MySQL/SQL Server default collations, case-sensitive on PostgreSQL/Oracle;
        // Jira's keys are upper case on both sides, so all four find the same row
        return first(Query.select().where(FailureRecordEntity.ISSUE_KEY + " = ?", issueKey));
    }

    @Override
    public List<FailureRecord> findPivotedFrom(String issueKey, int limit) {
        Objects.requireNonNull(issueKey, "issueKey");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        // PIVOTED_FROM = ? on its index; ORDER BY the unique NOT NULL ISSUE_ID: the same order on every database
        FailureRecordEntity[] rows = ao.find(FailureRecordEntity.class, Query.select()
                .where(FailureRecordEntity.PIVOTED_FROM + " = ?", issueKey)
                .order(FailureRecordEntity.ISSUE_ID + " ASC").limit(limit));
        return java.util.Arrays.stream(rows).map(AoFailureRecordRepository::toRecord).toList();
    }

    @Override
    public List<FailureRecord> findByProject(String projectKey, PageRequest page) {
        Objects.requireNonNull(projectKey, "projectKey");
        Objects.requireNonNull(page, "page");
        // PROJECT_KEY = ? ORDER BY CREATED_AT DESC, ISSUE_ID DESC + paging: both sort columns NOT NULL (no NULLS
        // FIRST/LAST differences: PostgreSQL and Oracle sort NULLs last ascending, MySQL and SQL Server first);
        // paging per database as in the class comment
        FailureRecordEntity[] rows = ao.find(FailureRecordEntity.class, Query.select()
                .where(FailureRecordEntity.PROJECT_KEY + " = ?", projectKey)
                .order(FailureRecordEntity.CREATED_AT + " DESC, " + FailureRecordEntity.ISSUE_ID + " DESC")
                .offset(page.offset())
                .limit(page.limit()));
        return Arrays.stream(rows).map(AoFailureRecordRepository::toRecord).toList();
    }

    @Override
    public int countByProject(String projectKey) {
        Objects.requireNonNull(projectKey, "projectKey");
        // COUNT(*) … WHERE PROJECT_KEY = ?: portable; key case as for findByIssueKey
        return ao.count(FailureRecordEntity.class, FailureRecordEntity.PROJECT_KEY + " = ?", projectKey);
    }

    @Override
    public RecordPage search(RecordQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.projectKeys().isEmpty()) {
            return new RecordPage(List.of(), 0, query.page());
        }
        // one WHERE (see where()) for the page and the COUNT; ORDER BY NOT NULL columns only, ending in the unique
        // ISSUE_ID so that pages are stable on every database
        Where where = where(query);
        FailureRecordEntity[] rows = ao.find(FailureRecordEntity.class, Query.select()
                .where(where.sql(), where.parameters())
                .order(order(query))
                .offset(query.page().offset())
                .limit(query.page().limit()));
        int total = ao.count(FailureRecordEntity.class, where.sql(), where.parameters());
        return new RecordPage(Arrays.stream(rows).map(AoFailureRecordRepository::toRecord).toList(), total, query.page());
    }

    @Override
    public int count(RecordQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.projectKeys().isEmpty()) {
            return 0;
        }
        Where where = where(query);
        return ao.count(FailureRecordEntity.class, where.sql(), where.parameters());
    }

    @Override
    public List<Long> issueIds(String projectKey, long afterIssueId, int limit) {
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + PageRequest.MAX_LIMIT + ": " + limit);
        }
        // keyset paging (ISSUE_ID > ? ORDER BY ISSUE_ID LIMIT n): no OFFSET, so SQL Server's TOP reads only the page
        Query query = projectKey == null
                ? Query.select().where(FailureRecordEntity.ISSUE_ID + " > ?", afterIssueId)
                : Query.select().where(FailureRecordEntity.PROJECT_KEY + " = ? AND " + FailureRecordEntity.ISSUE_ID
                        + " > ?", projectKey, afterIssueId);
        FailureRecordEntity[] rows = ao.find(FailureRecordEntity.class,
                query.order(FailureRecordEntity.ISSUE_ID + " ASC").limit(limit));
        return Arrays.stream(rows).map(FailureRecordEntity::getIssueId).toList();
    }

    @Override
    public boolean deleteByIssueId(long issueId) {
        return Transactions.write(ao, () -> {
            // DELETE … WHERE RECORD_ISSUE_ID = ? per table, children first (AO declares no foreign keys here): portable
            ao.deleteWithSQL(LearningEntity.class, LearningEntity.RECORD_ISSUE_ID + " = ?", issueId);
            ao.deleteWithSQL(ActionItemEntity.class, ActionItemEntity.RECORD_ISSUE_ID + " = ?", issueId);
            ao.deleteWithSQL(WhyStepEntity.class, WhyStepEntity.RECORD_ISSUE_ID + " = ?", issueId);
            ao.deleteWithSQL(RecordTextEntity.class, RecordTextEntity.RECORD_ISSUE_ID + " = ?", issueId);
            boolean deleted = ao.deleteWithSQL(FailureRecordEntity.class, FailureRecordEntity.ISSUE_ID + " = ?",
                    issueId) > 0;
            if (deleted) {
                changes.full(List.of(issueId));
            }
            return deleted;
        });
    }

    // ----- query building -----

    /** A WHERE clause with only {@code ?} placeholders, and its parameters in order. */
    record Where(String sql, Object[] parameters) {
    }

    /**
     * {@code COLUMN op ?} clauses joined with AND, so AO quotes every name (PostgreSQL, Oracle); IN lists of at most
     * {@code MAX_PROJECTS} = 1,000 (Oracle's limit) project keys; dates as {@code java.util.Date} parameters;
     * {@code SEARCH_TEXT LIKE ? ESCAPE '!'} on an unlimited column ({@code TEXT} on PostgreSQL, {@code CLOB} on Oracle,
     * {@code LONGTEXT} on MySQL, {@code NVARCHAR(max)} on SQL Server: LIKE works on each, none can use an index for a
     * leading {@code %}).
     */
    static Where where(RecordQuery query) {
        List<String> clauses = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        clauses.add(FailureRecordEntity.PROJECT_KEY + " IN (" + placeholders(query.projectKeys().size()) + ")");
        parameters.addAll(query.projectKeys());
        if (query.kind() != null) {
            clauses.add(FailureRecordEntity.KIND + " = ?");
            parameters.add(query.kind().name());
        }
        if (!query.statuses().isEmpty()) {
            clauses.add(FailureRecordEntity.STATUS + " IN (" + placeholders(query.statuses().size()) + ")");
            parameters.addAll(query.statuses());
        }
        if (query.phase() != null) {
            clauses.add(FailureRecordEntity.PHASE + " = ?");
            parameters.add(query.phase().name());
        }
        if (query.failureType() != null) {
            clauses.add(FailureRecordEntity.FAILURE_TYPE + " = ?");
            parameters.add(query.failureType().name());
        }
        if (query.failureCategory() != null) {
            clauses.add(FailureRecordEntity.FAILURE_CATEGORY + " = ?");
            parameters.add(query.failureCategory().name());
        }
        if (query.createdFrom() != null) {
            clauses.add(FailureRecordEntity.CREATED_AT + " >= ?");
            parameters.add(Date.from(query.createdFrom()));
        }
        if (query.createdBefore() != null) {
            clauses.add(FailureRecordEntity.CREATED_AT + " < ?");
            parameters.add(Date.from(query.createdBefore()));
        }
        if (query.normalizedText() != null) {
            clauses.add(FailureRecordEntity.SEARCH_TEXT + " LIKE ? ESCAPE '" + LIKE_ESCAPE + "'");
            parameters.add("%" + escapeLike(query.normalizedText()) + "%");
        }
        return new Where(String.join(" AND ", clauses), parameters.toArray());
    }

    /** The text with the LIKE wildcards and the escape character escaped, so that each matches itself. */
    static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == LIKE_ESCAPE || c == '%' || c == '_') {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** {@code ?, ?, …} for an IN list of {@code count} values. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static String order(RecordQuery query) {
        String direction = query.ascending() ? " ASC" : " DESC";
        String first = switch (query.sort()) {
            case CREATED -> FailureRecordEntity.CREATED_AT + direction;
            case UPDATED -> FailureRecordEntity.UPDATED_AT + direction;
            case KEY -> FailureRecordEntity.PROJECT_KEY + direction + ", " + FailureRecordEntity.ISSUE_NUM + direction;
        };
        return first + ", " + FailureRecordEntity.ISSUE_ID + direction;
    }

    // ----- mapping -----

    private Optional<FailureRecord> first(Query query) {
        FailureRecordEntity[] rows = ao.find(FailureRecordEntity.class, query.limit(1));
        return rows.length == 0 ? Optional.empty() : Optional.of(toRecord(rows[0]));
    }

    /**
     * Whether writing {@code incoming} would change nothing: equal apart from the version, with times compared to the
     * second (some databases keep no milliseconds).
     */
    private static boolean sameContent(FailureRecord stored, FailureRecord incoming) {
        return seconds(stored).equals(seconds(incoming.toBuilder().version(stored.version()).build()));
    }

    private static FailureRecord seconds(FailureRecord r) {
        Function<Instant, Instant> s = at -> at == null ? null : at.truncatedTo(ChronoUnit.SECONDS);
        return r.toBuilder().createdAt(s.apply(r.createdAt())).updatedAt(s.apply(r.updatedAt()))
                .discoveredAt(s.apply(r.discoveredAt())).reportedAt(s.apply(r.reportedAt()))
                .resolvedAt(s.apply(r.resolvedAt())).decidedAt(s.apply(r.decidedAt()))
                .startedAt(s.apply(r.startedAt())).build();
    }

    /** The lower-cased text the free-text search matches: key, summary, hypothesis, team, component, labels. */
    static String searchText(FailureRecord r) {
        StringJoiner text = new StringJoiner(LINE);
        text.add(r.issueKey()).add(r.summary());
        for (String part : new String[] {r.hypothesis(), r.team(), r.component()}) {
            if (part != null) {
                text.add(part);
            }
        }
        if (!r.labels().isEmpty()) {
            text.add(String.join(" ", r.labels()));
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    static Map<String, Object> columns(FailureRecord r) {
        Map<String, Object> columns = new HashMap<>();
        columns.put(FailureRecordEntity.ISSUE_ID, r.issueId());
        columns.put(FailureRecordEntity.ISSUE_KEY, r.issueKey());
        columns.put(FailureRecordEntity.ISSUE_NUM, r.issueNumber());
        columns.put(FailureRecordEntity.PROJECT_KEY, r.projectKey());
        columns.put(FailureRecordEntity.KIND, r.kind().name());
        columns.put(FailureRecordEntity.SUMMARY, r.summary());
        columns.put(FailureRecordEntity.STATUS, r.status());
        putIfSet(columns, FailureRecordEntity.PHASE, name(r.phase()));
        putIfSet(columns, FailureRecordEntity.HYPOTHESIS, r.hypothesis());
        putIfSet(columns, FailureRecordEntity.HYP_CONDITION, r.hypothesisCondition());
        putIfSet(columns, FailureRecordEntity.HYP_OUTCOME, r.hypothesisOutcome());
        putIfSet(columns, FailureRecordEntity.HYP_RATIONALE, r.hypothesisRationale());
        putIfSet(columns, FailureRecordEntity.SUCCESS_CRITERIA, r.successCriteria());
        putIfSet(columns, FailureRecordEntity.STOP_CRITERIA, r.stopCriteria());
        putIfSet(columns, FailureRecordEntity.OUTCOME, name(r.outcome()));
        putIfSet(columns, FailureRecordEntity.DECISION, name(r.decision()));
        putIfSet(columns, FailureRecordEntity.FAILURE_TYPE, name(r.failureType()));
        putIfSet(columns, FailureRecordEntity.FAILURE_CATEGORY, name(r.failureCategory()));
        putIfSet(columns, FailureRecordEntity.FAILURE_MODE, name(r.failureMode()));
        putIfSet(columns, FailureRecordEntity.DISCOVERED_AT, date(r.discoveredAt()));
        putIfSet(columns, FailureRecordEntity.REPORTED_AT, date(r.reportedAt()));
        putIfSet(columns, FailureRecordEntity.RESOLVED_AT, date(r.resolvedAt()));
        putIfSet(columns, FailureRecordEntity.DECIDED_AT, date(r.decidedAt()));
        putIfSet(columns, FailureRecordEntity.STARTED_AT, date(r.startedAt()));
        putIfSet(columns, FailureRecordEntity.TEAM, r.team());
        putIfSet(columns, FailureRecordEntity.COMPONENT, r.component());
        putIfSet(columns, FailureRecordEntity.LABELS, lines(r.labels()));
        putIfSet(columns, FailureRecordEntity.PIVOTED_FROM, r.pivotedFrom());
        putIfSet(columns, FailureRecordEntity.RECURRENCE_OF, lines(r.recurrenceOf()));
        columns.put(FailureRecordEntity.SEARCH_TEXT, searchText(r));
        columns.put(FailureRecordEntity.CREATED_AT, Date.from(r.createdAt()));
        columns.put(FailureRecordEntity.UPDATED_AT, Date.from(r.updatedAt()));
        columns.put(FailureRecordEntity.VERSION, 0L);
        return columns;
    }

    private static void write(FailureRecordEntity e, FailureRecord r) {
        e.setIssueKey(r.issueKey());
        e.setIssueNum(r.issueNumber());
        e.setProjectKey(r.projectKey());
        e.setKind(r.kind().name());
        e.setSummary(r.summary());
        e.setStatus(r.status());
        e.setPhase(name(r.phase()));
        e.setHypothesis(r.hypothesis());
        e.setHypCondition(r.hypothesisCondition());
        e.setHypOutcome(r.hypothesisOutcome());
        e.setHypRationale(r.hypothesisRationale());
        e.setSuccessCriteria(r.successCriteria());
        e.setStopCriteria(r.stopCriteria());
        e.setOutcome(name(r.outcome()));
        e.setDecision(name(r.decision()));
        e.setFailureType(name(r.failureType()));
        e.setFailureCategory(name(r.failureCategory()));
        e.setFailureMode(name(r.failureMode()));
        e.setDiscoveredAt(date(r.discoveredAt()));
        e.setReportedAt(date(r.reportedAt()));
        e.setResolvedAt(date(r.resolvedAt()));
        e.setDecidedAt(date(r.decidedAt()));
        e.setStartedAt(date(r.startedAt()));
        e.setTeam(r.team());
        e.setComponent(r.component());
        e.setLabels(lines(r.labels()));
        e.setPivotedFrom(r.pivotedFrom());
        e.setRecurrenceOf(lines(r.recurrenceOf()));
        e.setSearchText(searchText(r));
        e.setCreatedAt(Date.from(r.createdAt()));
        e.setUpdatedAt(Date.from(r.updatedAt()));
    }

    static FailureRecord toRecord(FailureRecordEntity e) {
        return FailureRecord.builder()
                .issueId(e.getIssueId())
                .issueKey(e.getIssueKey())
                .projectKey(e.getProjectKey())
                .kind(RecordKind.valueOf(e.getKind()))
                .summary(e.getSummary())
                .status(e.getStatus())
                .phase(constant(Phase.class, e.getPhase()))
                .hypothesis(e.getHypothesis())
                .hypothesisParts(e.getHypCondition(), e.getHypOutcome(), e.getHypRationale())
                .successCriteria(e.getSuccessCriteria())
                .stopCriteria(e.getStopCriteria())
                .outcome(constant(Outcome.class, e.getOutcome()))
                .decision(constant(Decision.class, e.getDecision()))
                .failureType(constant(FailureType.class, e.getFailureType()))
                .failureCategory(constant(FailureCategory.class, e.getFailureCategory()))
                .failureMode(constant(FailureMode.class, e.getFailureMode()))
                .discoveredAt(instant(e.getDiscoveredAt()))
                .reportedAt(instant(e.getReportedAt()))
                .resolvedAt(instant(e.getResolvedAt()))
                .decidedAt(instant(e.getDecidedAt()))
                .startedAt(instant(e.getStartedAt()))
                .team(e.getTeam())
                .component(e.getComponent())
                .labels(set(e.getLabels()))
                .pivotedFrom(e.getPivotedFrom())
                .recurrenceOf(set(e.getRecurrenceOf()))
                .createdAt(e.getCreatedAt().toInstant())
                .updatedAt(e.getUpdatedAt().toInstant())
                .version(e.getVersion())
                .build();
    }

    private static void putIfSet(Map<String, Object> columns, String column, Object value) {
        if (value != null) {
            columns.put(column, value);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /**
     * The constant stored by name, or {@code null}; an unknown name (a value a later version removed) reads as none
     * rather than making the whole record unreadable.
     */
    static <E extends Enum<E>> E constant(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String lines(Set<String> values) {
        return values.isEmpty() ? null : String.join(LINE, values);
    }

    private static Set<String> set(String lines) {
        if (lines == null || lines.isBlank()) {
            return Set.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (String line : lines.split(LINE)) {
            if (!line.isBlank()) {
                values.add(line.strip());
            }
        }
        return values;
    }
}
