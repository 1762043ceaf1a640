package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.RecordPage;
import net.java.ao.Query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a {@link RecordFieldQuery} on the failure database: one page of the matching records and their count, in a
 * constant number of statements whatever the page (no query per record).
 *
 * <p><b>Statements.</b> {@code COUNT(*)} and one {@code SELECT … ORDER BY … LIMIT/OFFSET} with the same WHERE:
 * {@code PROJECT_KEY IN (?…) [AND KIND IN (?…)] [AND ISSUE_KEY IN (?…)] [AND <TIME> op ?]…}, only {@code COLUMN op ?}
 * criteria so AO quotes every name (see {@link AoFailureRecordRepository} on portability). {@code PROJECT_KEY},
 * {@code KIND} and {@code ISSUE_KEY} are indexed; the event times ({@code STARTED_AT} … {@code RESOLVED_AT}) are not,
 * and this class adds no index for them: in Jira this search is Jira's own and never reaches the table (only the
 * preview, which stands in for Jira's issue search, runs it), so five more indexes would slow every projection write
 * in the product for a page the product does not have. A KPI link's range covers most of a project's records anyway.
 *
 * <p><b>Order.</b> {@code ORDER BY <field> dir, ISSUE_ID dir}: pages never overlap. Databases disagree where NULLs
 * sort (PostgreSQL and Oracle last ascending and first descending, MySQL, SQL Server and HSQLDB the other way), so
 * a nullable sort field that no bound makes required is read in two runs of the same WHERE: the records with a value
 * ({@code <TIME> IS NOT NULL}, in order), then those without ({@code <TIME> IS NULL}, by issue id) — one or two more
 * statements, and the same order on every database.
 */
public final class AoRecordFieldSearch {

    private final ActiveObjects ao;

    public AoRecordFieldSearch(ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
    }

    /** One page of the matching records in the query's order, with how many match in all. */
    public RecordPage search(RecordFieldQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.matchesNothing()) {
            return new RecordPage(List.of(), 0, query.page());
        }
        AoFailureRecordRepository.Where where = where(query);
        for (RecordFieldQuery.CountBound bound : query.counts()) {
            where = countClause(where, bound);
            if (where == null) {
                return new RecordPage(List.of(), 0, query.page());
            }
        }
        int total = ao.count(FailureRecordEntity.class, where.sql(), where.parameters());
        int offset = query.page().offset();
        int limit = query.page().limit();
        if (offset >= total) {
            return new RecordPage(List.of(), total, query.page());
        }
        String direction = query.ascending() ? " ASC" : " DESC";
        if (query.sortFieldAlwaysSet()) {
            return new RecordPage(find(where, order(query.sort(), direction), offset, limit), total, query.page());
        }
        String column = query.sort().column();
        AoFailureRecordRepository.Where valued = and(where, column + " IS NOT NULL");
        int withValue = ao.count(FailureRecordEntity.class, valued.sql(), valued.parameters());
        List<FailureRecord> page = new ArrayList<>(limit);
        if (offset < withValue) {
            page.addAll(find(valued, order(query.sort(), direction), offset, limit));
        }
        if (page.size() < limit && offset + page.size() >= withValue) {
            page.addAll(find(and(where, column + " IS NULL"), FailureRecordEntity.ISSUE_ID + direction,
                    Math.max(0, offset - withValue), limit - page.size()));
        }
        return new RecordPage(page, total, query.page());
    }

    /**
     * {@code where} narrowed to the records whose count satisfies the bound, or {@code null} when none can. The counts
     * are read first ({@code RECORD_ISSUE_ID} of every learning or action item, streamed, counted here), then become
     * {@code ISSUE_ID IN (…)} — or {@code ISSUE_ID NOT IN (…)} when a record with none matches (e.g. {@code < 3}), so
     * records without any are found without listing them. Why not a correlated {@code COUNT(*)} sub-select: AO quotes
     * only the column names an operator follows, so the other table's name would reach PostgreSQL unquoted (see
     * {@link LearningEntity#getSearchText}). This reads every learning or action item id once per count clause: fine for
     * the preview, which is the only host of this search (in Jira the count fields are in Jira's own index); the id
     * list is bounded by the number of records with learnings, which PostgreSQL (32,767 parameters) and HSQLDB take.
     */
    private AoFailureRecordRepository.Where countClause(AoFailureRecordRepository.Where where,
                                                        RecordFieldQuery.CountBound bound) {
        Map<Long, Integer> counts = new HashMap<>();
        if (bound.count() == RecordFieldQuery.Count.LEARNINGS) {
            ao.stream(LearningEntity.class, Query.select("ID, " + LearningEntity.RECORD_ISSUE_ID),
                    row -> counts.merge(row.getRecordIssueId(), 1, Integer::sum));
        } else {
            ao.stream(ActionItemEntity.class, Query.select("ID, " + ActionItemEntity.RECORD_ISSUE_ID),
                    row -> counts.merge(row.getRecordIssueId(), 1, Integer::sum));
        }
        boolean noneMatches = bound.matches(0);
        List<Long> listed = new ArrayList<>();
        counts.forEach((issueId, n) -> {
            if (bound.matches(n) != noneMatches) {
                listed.add(issueId); // the exceptions to what a record without any gets
            }
        });
        if (listed.isEmpty()) {
            return noneMatches ? where : null;
        }
        Object[] parameters = Arrays.copyOf(where.parameters(), where.parameters().length + listed.size());
        for (int i = 0; i < listed.size(); i++) {
            parameters[where.parameters().length + i] = listed.get(i);
        }
        String clause = FailureRecordEntity.ISSUE_ID + (noneMatches ? " NOT IN (" : " IN (")
                + AoFailureRecordRepository.placeholders(listed.size()) + ")";
        return new AoFailureRecordRepository.Where(where.sql() + " AND " + clause, parameters);
    }

    private List<FailureRecord> find(AoFailureRecordRepository.Where where, String order, int offset, int limit) {
        FailureRecordEntity[] rows = ao.find(FailureRecordEntity.class, Query.select()
                .where(where.sql(), where.parameters()).order(order).offset(offset).limit(limit));
        return Arrays.stream(rows).map(AoFailureRecordRepository::toRecord).toList();
    }

    static AoFailureRecordRepository.Where where(RecordFieldQuery query) {
        List<String> clauses = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        clauses.add(FailureRecordEntity.PROJECT_KEY + " IN ("
                + AoFailureRecordRepository.placeholders(query.projectKeys().size()) + ")");
        parameters.addAll(query.projectKeys());
        if (query.kinds() != null && query.kinds().size() < RecordKind.values().length) {
            clauses.add(FailureRecordEntity.KIND + " IN (" + AoFailureRecordRepository.placeholders(query.kinds().size())
                    + ")");
            query.kinds().forEach(kind -> parameters.add(kind.name()));
        }
        if (query.issueKeys() != null) {
            // ISSUE_KEY IN: case as for AoFailureRecordRepository.findByIssueKey (keys upper case on both sides)
            clauses.add(FailureRecordEntity.ISSUE_KEY + " IN ("
                    + AoFailureRecordRepository.placeholders(query.issueKeys().size()) + ")");
            parameters.addAll(query.issueKeys());
        }
        for (RecordFieldQuery.Bound bound : query.bounds()) {
            clauses.add(bound.field().column() + " " + bound.op().sql() + " ?");
            parameters.add(Date.from(bound.at()));
        }
        return new AoFailureRecordRepository.Where(String.join(" AND ", clauses), parameters.toArray());
    }

    private static AoFailureRecordRepository.Where and(AoFailureRecordRepository.Where where, String clause) {
        return new AoFailureRecordRepository.Where(where.sql() + " AND " + clause, where.parameters());
    }

    private static String order(RecordFieldQuery.Field sort, String direction) {
        String first = sort == RecordFieldQuery.Field.KEY
                ? FailureRecordEntity.PROJECT_KEY + direction + ", " + FailureRecordEntity.ISSUE_NUM + direction
                : sort.column() + direction;
        return first + ", " + FailureRecordEntity.ISSUE_ID + direction;
    }
}
