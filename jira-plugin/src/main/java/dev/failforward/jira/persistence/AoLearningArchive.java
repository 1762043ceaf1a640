package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.SourcePage;
import dev.failforward.jira.archive.ArchivedLearning;
import dev.failforward.jira.archive.LearningArchive;
import dev.failforward.jira.archive.LearningArchivePage;
import dev.failforward.jira.archive.LearningQuery;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static dev.failforward.jira.persistence.AoFailureRecordRepository.constant;
import static dev.failforward.jira.persistence.AoFailureRecordRepository.placeholders;

/**
 * The learnings archive on Active Objects: learnings joined to their failure records
 * ({@code LEARNING l JOIN FAILURE_RECORD r ON l.RECORD_ISSUE_ID = r.ISSUE_ID}), one WHERE clause with {@code ?}
 * placeholders only, used by every query of a search. Returns core/plugin values, never AO proxies.
 *
 * <p><b>Queries per search</b> (none when no project is searched):
 * <ol>
 *   <li>the page: {@code SELECT l.ID, l.RECORD_ISSUE_ID, l.BODY, l.KIND, l.CREATED_AT … ORDER BY l.CREATED_AT DESC,
 *       l.ID DESC} with LIMIT/OFFSET (newest first, ties by id);</li>
 *   <li>the page's records: {@code SELECT …FAILURE_RECORD WHERE ISSUE_ID IN (…)} (at most one per item);</li>
 *   <li>the record facets: the matching join rows streamed with only {@code r.ID, r.PROJECT_KEY, r.KIND,
 *       r.FAILURE_TYPE, r.FAILURE_CATEGORY} — one row per matching learning, so the counts are counts of learnings;
 *       the number of rows is the total;</li>
 *   <li>the learning-kind facet: the same rows streamed with only {@code l.ID, l.KIND}.</li>
 * </ol>
 * <b>Cost:</b> the facet queries read every match (two short rows per matching learning, streamed, nothing kept but
 * the counters), so a search is linear in the number of matches, not in the page size. AO's {@code ActiveObjects}
 * has no GROUP BY result type and no COUNT over a join, which is why the counts are summed here; with learnings
 * counted in thousands per instance this is a few milliseconds. If it ever is not, the facets can move to a
 * {@code GROUP BY} over plain JDBC without changing this class's contract.
 *
 * <p>The free text matches the learning's or the record's lower-cased {@code SEARCH_TEXT} with
 * {@code LIKE ? ESCAPE '!'}, escaped exactly like the record search ({@link AoFailureRecordRepository#escapeLike}).
 */
@Named
public class AoLearningArchive implements LearningArchive {

    private static final String L = "l";
    private static final String R = "r";
    private static final String JOIN = L + "." + LearningEntity.RECORD_ISSUE_ID + " = " + R + "."
            + FailureRecordEntity.ISSUE_ID;

    private final ActiveObjects ao;

    @Inject
    public AoLearningArchive(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
    }

    @Override
    public LearningArchivePage search(LearningQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.projectKeys().isEmpty()) {
            return LearningArchivePage.empty(query.page());
        }
        // the page: LEARNING l JOIN FAILURE_RECORD r, columns named with the alias ("l.BODY"), which AO quotes after
        // the dot on PostgreSQL/Oracle; ORDER BY l.CREATED_AT DESC, l.ID DESC (NOT NULL, unique last); paging as in
        // AoFailureRecordRepository's class comment
        AoFailureRecordRepository.Where where = where(query);
        LearningEntity[] rows = ao.find(LearningEntity.class, learningsJoined(
                column(L, "ID") + ", " + column(L, LearningEntity.RECORD_ISSUE_ID) + ", " + column(L, LearningEntity.BODY)
                        + ", " + column(L, LearningEntity.KIND) + ", " + column(L, LearningEntity.CREATED_AT)
                        + ", " + column(L, LearningEntity.SOURCE_URL) + ", " + column(L, LearningEntity.SOURCE_TITLE),
                where)
                .order(column(L, LearningEntity.CREATED_AT) + " DESC, " + column(L, "ID") + " DESC")
                .offset(query.page().offset())
                .limit(query.page().limit()));
        Map<Long, ArchivedLearning.RecordSummary> records = records(rows);
        Map<Long, SourcePage> retroPages = retroPages(rows);
        List<ArchivedLearning> items = Arrays.stream(rows)
                .map(l -> new ArchivedLearning(l.getID(), l.getBody(), LearningKind.valueOf(l.getKind()),
                        l.getCreatedAt().toInstant(), records.get(l.getRecordIssueId()),
                        l.getSourceUrl() != null ? SourcePage.ofNullable(l.getSourceUrl(), l.getSourceTitle())
                                : retroPages.get(l.getRecordIssueId())))
                .toList();

        Map<String, Integer> project = new HashMap<>();
        Map<String, Integer> recordKind = new HashMap<>();
        Map<String, Integer> failureType = new HashMap<>();
        Map<String, Integer> category = new HashMap<>();
        int[] total = {0};
        // the facets: the matching join rows streamed (AO has no GROUP BY result); portable, read once per search
        ao.stream(FailureRecordEntity.class, recordsJoined(String.join(", ", "ID",
                FailureRecordEntity.PROJECT_KEY, FailureRecordEntity.KIND, FailureRecordEntity.FAILURE_TYPE,
                FailureRecordEntity.FAILURE_CATEGORY), where), r -> {
                    total[0]++;
                    increment(project, r.getProjectKey());
                    increment(recordKind, lower(r.getKind()));
                    increment(failureType, lower(r.getFailureType()));
                    increment(category, lower(r.getFailureCategory()));
                });
        Map<String, Integer> learningKind = new HashMap<>();
        ao.stream(LearningEntity.class, learningsJoined("ID, " + LearningEntity.KIND, where),
                l -> increment(learningKind, lower(l.getKind())));
        return new LearningArchivePage(items, total[0], query.page(),
                new LearningArchivePage.Facets(project, recordKind, learningKind, failureType, category));
    }

    /**
     * Learnings joined to their records. {@code stream} prefixes the selected columns with the entity's alias itself
     * ({@code r.ID}), so streamed queries name them bare; {@code find} takes them prefixed.
     */
    private static Query learningsJoined(String columns, AoFailureRecordRepository.Where where) {
        return Query.select(columns)
                .alias(LearningEntity.class, L)
                .alias(FailureRecordEntity.class, R)
                .join(FailureRecordEntity.class, JOIN)
                .where(where.sql(), where.parameters());
    }

    private static Query recordsJoined(String columns, AoFailureRecordRepository.Where where) {
        return Query.select(columns)
                .alias(FailureRecordEntity.class, R)
                .alias(LearningEntity.class, L)
                .join(LearningEntity.class, JOIN)
                .where(where.sql(), where.parameters());
    }

    /** The records of a page's learnings, by issue id: one query, at most a page's worth of ids. */
    private Map<Long, ArchivedLearning.RecordSummary> records(LearningEntity[] learnings) {
        List<Long> ids = Arrays.stream(learnings).map(LearningEntity::getRecordIssueId).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        // ISSUE_ID IN (?, …) with at most a page (100) of ids: far below Oracle's 1,000 and SQL Server's 2,100
        FailureRecordEntity[] rows = ao.find(FailureRecordEntity.class, Query.select(String.join(", ", "ID",
                        FailureRecordEntity.ISSUE_ID, FailureRecordEntity.ISSUE_KEY, FailureRecordEntity.PROJECT_KEY,
                        FailureRecordEntity.SUMMARY, FailureRecordEntity.KIND, FailureRecordEntity.STATUS,
                        FailureRecordEntity.FAILURE_TYPE, FailureRecordEntity.FAILURE_CATEGORY))
                .where(FailureRecordEntity.ISSUE_ID + " IN (" + placeholders(ids.size()) + ")", ids.toArray()));
        Map<Long, ArchivedLearning.RecordSummary> byIssueId = new HashMap<>();
        for (FailureRecordEntity r : rows) {
            byIssueId.put(r.getIssueId(), new ArchivedLearning.RecordSummary(r.getIssueKey(), r.getProjectKey(),
                    r.getSummary(), constant(RecordKind.class, r.getKind()), r.getStatus(),
                    constant(FailureType.class, r.getFailureType()),
                    constant(FailureCategory.class, r.getFailureCategory())));
        }
        return byIssueId;
    }

    /**
     * The retro page of each record on the page whose learning there has no page of its own: the newest page any of
     * the record's learnings was captured on. One query over at most a page's worth of records, and none when every
     * learning on the page carries its page.
     */
    private Map<Long, SourcePage> retroPages(LearningEntity[] learnings) {
        List<Long> ids = Arrays.stream(learnings).filter(l -> l.getSourceUrl() == null)
                .map(LearningEntity::getRecordIssueId).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        // RECORD_ISSUE_ID IN (…page…) AND SOURCE_URL IS NOT NULL: on Oracle an empty URL would be NULL too, and the
        // repository never stores one (SourcePage requires an http(s) URL)
        LearningEntity[] captured = ao.find(LearningEntity.class, Query.select(String.join(", ", "ID",
                        LearningEntity.RECORD_ISSUE_ID, LearningEntity.SOURCE_URL, LearningEntity.SOURCE_TITLE))
                .where(LearningEntity.RECORD_ISSUE_ID + " IN (" + placeholders(ids.size()) + ") AND "
                        + LearningEntity.SOURCE_URL + " IS NOT NULL", ids.toArray())
                .order(LearningEntity.CREATED_AT + " DESC, ID DESC"));
        Map<Long, SourcePage> newest = new HashMap<>();
        for (LearningEntity l : captured) {
            newest.putIfAbsent(l.getRecordIssueId(), SourcePage.ofNullable(l.getSourceUrl(), l.getSourceTitle()));
        }
        return newest;
    }

    static AoFailureRecordRepository.Where where(LearningQuery query) {
        List<String> clauses = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        clauses.add(column(R, FailureRecordEntity.PROJECT_KEY) + " IN (" + placeholders(query.projectKeys().size())
                + ")");
        parameters.addAll(query.projectKeys());
        if (query.recordKind() != null) {
            clauses.add(column(R, FailureRecordEntity.KIND) + " = ?");
            parameters.add(query.recordKind().name());
        }
        if (query.learningKind() != null) {
            clauses.add(column(L, LearningEntity.KIND) + " = ?");
            parameters.add(query.learningKind().name());
        }
        if (query.failureType() != null) {
            clauses.add(column(R, FailureRecordEntity.FAILURE_TYPE) + " = ?");
            parameters.add(query.failureType().name());
        }
        if (query.category() != null) {
            clauses.add(column(R, FailureRecordEntity.FAILURE_CATEGORY) + " = ?");
            parameters.add(query.category().name());
        }
        if (query.createdFrom() != null) {
            clauses.add(column(L, LearningEntity.CREATED_AT) + " >= ?");
            parameters.add(Date.from(query.createdFrom()));
        }
        if (query.createdBefore() != null) {
            clauses.add(column(L, LearningEntity.CREATED_AT) + " < ?");
            parameters.add(Date.from(query.createdBefore()));
        }
        if (query.normalizedText() != null) {
            String like = " LIKE ? ESCAPE '" + AoFailureRecordRepository.LIKE_ESCAPE + "'";
            // stored lower-cased text on both sides, no LOWER(): see LearningEntity#getSearchText
            clauses.add("(" + column(L, LearningEntity.SEARCH_TEXT) + like + " OR "
                    + column(R, FailureRecordEntity.SEARCH_TEXT) + like + ")");
            String pattern = "%" + AoFailureRecordRepository.escapeLike(query.normalizedText()) + "%";
            parameters.add(pattern);
            parameters.add(pattern);
        }
        return new AoFailureRecordRepository.Where(String.join(" AND ", clauses), parameters.toArray());
    }

    private static String column(String alias, String column) {
        return alias + "." + column;
    }

    private static void increment(Map<String, Integer> counts, String value) {
        if (value != null) {
            counts.merge(value, 1, Integer::sum);
        }
    }

    private static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
}
