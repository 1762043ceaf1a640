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
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.time.Instant;

import static dev.failforward.jira.persistence.AoFailureRecordRepository.constant;
import static dev.failforward.jira.persistence.AoFailureRecordRepository.placeholders;

/**
 * The learnings archive on Active Objects: learnings joined to their failure records
 * ({@code LEARNING l JOIN FAILURE_RECORD r ON l.RECORD_ISSUE_ID = r.ISSUE_ID}), one WHERE clause with {@code ?}
 * placeholders only. Returns core/plugin values, never AO proxies.
 *
 * <p><b>Queries per search</b> (none when no project is searched):
 * <ol>
 *   <li>one pass over the matches: {@code SELECT l.ID, l.RECORD_ISSUE_ID, l.KIND, l.CREATED_AT} over the join with
 *       the WHERE clause, streamed; it yields the total, the learning-kind facet, how many matches each record has,
 *       and the page's learnings (the newest {@code offset + limit} kept in a heap, ordered as
 *       {@code ORDER BY l.CREATED_AT DESC, l.ID DESC} would order them);</li>
 *   <li>the records that have matches, with the columns of the record facets and of the page's summaries: one
 *       {@code ISSUE_ID IN (…)} query when at most {@value #IN_LIST} records match (Oracle takes 1,000 expressions
 *       per IN list, SQL Server 2,100 parameters per statement), else the records of the searched projects streamed
 *       with the record-side filters (one single-table pass, no join) plus one {@code IN} query for the page's
 *       records;</li>
 *   <li>the page's learnings by {@code ID IN (…)} (at most a page, 100); a page deeper than {@value #HEAP_LIMIT}
 *       matches comes from the database's own {@code ORDER BY … LIMIT/OFFSET} instead of the heap;</li>
 *   <li>the retro pages of the page's records ({@link #retroPages}), unless every learning on the page has its own.</li>
 * </ol>
 * <b>Cost:</b> linear in the number of matches, read once. It was three passes over the join (the page with ORDER BY
 * and LIMIT, which sorts every match, and one per facet group), which at a few thousand learnings made the archive the
 * most expensive request of the preview under load (LoadBenchmark). AO's {@code ActiveObjects} has no GROUP BY result
 * type, which is why the counts are summed here; with learnings counted in thousands per instance one pass is a few
 * milliseconds.
 *
 * <p>The free text matches the learning's or the record's lower-cased {@code SEARCH_TEXT} with
 * {@code LIKE ? ESCAPE '!'}, escaped exactly like the record search ({@link AoFailureRecordRepository#escapeLike}).
 * The queries run one after another, not in one transaction, as before: a learning deleted between the pass and the
 * page query is left out of the page.
 */
@Named
public class AoLearningArchive implements LearningArchive {

    /** Most ids in one {@code IN} list: Oracle's limit of 1,000 expressions. */
    static final int IN_LIST = 1_000;
    /** Deepest page ({@code offset + limit}) the pass keeps in memory; deeper pages are sorted by the database. */
    static final int HEAP_LIMIT = 1_000;

    private static final String L = "l";
    private static final String R = "r";
    private static final String JOIN = L + "." + LearningEntity.RECORD_ISSUE_ID + " = " + R + "."
            + FailureRecordEntity.ISSUE_ID;

    private final ActiveObjects ao;
    private final int inList;
    private final int heapLimit;

    @Inject
    public AoLearningArchive(@ComponentImport ActiveObjects ao) {
        this(ao, IN_LIST, HEAP_LIMIT);
    }

    /**
     * @param inList    most records with matches fetched by one {@code IN} list
     * @param heapLimit deepest page kept by the pass (tests use small ones, so both ways are taken)
     */
    AoLearningArchive(ActiveObjects ao, int inList, int heapLimit) {
        this.ao = Objects.requireNonNull(ao, "ao");
        if (inList < 1 || inList > IN_LIST) {
            throw new IllegalArgumentException("inList must be between 1 and " + IN_LIST + ": " + inList);
        }
        this.inList = inList;
        this.heapLimit = heapLimit;
    }

    @Override
    public LearningArchivePage search(LearningQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.projectKeys().isEmpty()) {
            return LearningArchivePage.empty(query.page());
        }
        AoFailureRecordRepository.Where where = where(query);
        int offset = query.page().offset();
        int limit = query.page().limit();
        boolean pageFromPass = (long) offset + limit <= heapLimit;

        // 1. one pass over the matches (LEARNING l JOIN FAILURE_RECORD r, streamed: nothing kept but counters and the
        //    newest offset + limit keys)
        Pass pass = new Pass(pageFromPass ? offset + limit : 0);
        ao.stream(LearningEntity.class, learningsJoined(String.join(", ", "ID", LearningEntity.RECORD_ISSUE_ID,
                LearningEntity.KIND, LearningEntity.CREATED_AT), where), pass::add);

        // 2. the page's learnings: by id from the pass, or sorted by the database for a deep page
        LearningEntity[] rows;
        if (pageFromPass) {
            rows = learningsById(pass.page(offset, limit));
        } else {
            // ORDER BY l.CREATED_AT DESC, l.ID DESC (NOT NULL, unique last) + paging as in AoFailureRecordRepository
            rows = ao.find(LearningEntity.class, learningsJoined(PAGE_COLUMNS.stream().map(c -> column(L, c))
                    .collect(java.util.stream.Collectors.joining(", ")), where)
                    .order(column(L, LearningEntity.CREATED_AT) + " DESC, " + column(L, "ID") + " DESC")
                    .offset(offset)
                    .limit(limit));
        }

        // 3. the records with matches: the record facets, and the page's record summaries
        Map<String, Integer> project = new HashMap<>();
        Map<String, Integer> recordKind = new HashMap<>();
        Map<String, Integer> failureType = new HashMap<>();
        Map<String, Integer> category = new HashMap<>();
        java.util.function.Consumer<FailureRecordEntity> count = r -> {
            Integer n = pass.perRecord.get(r.getIssueId());
            if (n == null) {
                return;
            }
            increment(project, r.getProjectKey(), n);
            increment(recordKind, lower(r.getKind()), n);
            increment(failureType, lower(r.getFailureType()), n);
            increment(category, lower(r.getFailureCategory()), n);
        };
        Map<Long, ArchivedLearning.RecordSummary> records;
        if (pass.perRecord.size() <= inList) {
            FailureRecordEntity[] matched = recordsById(pass.perRecord.keySet());
            Arrays.stream(matched).forEach(count);
            records = summaries(matched);
        } else {
            // many records: their projects' records streamed once (record-side filters only), counted where they
            // have matches; the page's few records by id
            ao.stream(FailureRecordEntity.class, Query.select(String.join(", ", "ID", FailureRecordEntity.ISSUE_ID,
                            FailureRecordEntity.PROJECT_KEY, FailureRecordEntity.KIND, FailureRecordEntity.FAILURE_TYPE,
                            FailureRecordEntity.FAILURE_CATEGORY))
                    .where(recordWhere(query).sql(), recordWhere(query).parameters()), count::accept);
            records = summaries(recordsById(Arrays.stream(rows).map(LearningEntity::getRecordIssueId)
                    .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new))));
        }

        Map<Long, SourcePage> retroPages = retroPages(rows);
        List<ArchivedLearning> items = Arrays.stream(rows)
                .filter(l -> records.containsKey(l.getRecordIssueId()))
                .map(l -> new ArchivedLearning(l.getID(), l.getBody(), LearningKind.valueOf(l.getKind()),
                        l.getCreatedAt().toInstant(), records.get(l.getRecordIssueId()),
                        l.getSourceUrl() != null ? SourcePage.ofNullable(l.getSourceUrl(), l.getSourceTitle())
                                : retroPages.get(l.getRecordIssueId())))
                .toList();
        return new LearningArchivePage(items, pass.total, query.page(),
                new LearningArchivePage.Facets(project, recordKind, pass.learningKind, failureType, category,
                        pass.period));
    }

    /** The columns of a learning on the page. */
    private static final List<String> PAGE_COLUMNS = List.of("ID", LearningEntity.RECORD_ISSUE_ID, LearningEntity.BODY,
            LearningEntity.KIND, LearningEntity.CREATED_AT, LearningEntity.SOURCE_URL, LearningEntity.SOURCE_TITLE);

    /**
     * What the pass over the matches keeps: the total, the learning-kind counts, matches per record issue id, and the
     * newest {@code keep} learnings (a min-heap on (created, id), so the oldest kept is dropped first).
     */
    private static final class Pass {
        private record Key(Instant createdAt, int id) {
        }

        private static final Comparator<Key> NEWEST_FIRST = Comparator.comparing(Key::createdAt)
                .thenComparingInt(Key::id).reversed();

        private final int keep;
        private final PriorityQueue<Key> newest;
        final Map<Long, Integer> perRecord = new HashMap<>();
        final Map<String, Integer> learningKind = new HashMap<>();
        final Map<String, Integer> period = new HashMap<>();
        int total;

        Pass(int keep) {
            this.keep = keep;
            this.newest = new PriorityQueue<>(Math.max(1, keep + 1), NEWEST_FIRST.reversed());
        }

        void add(LearningEntity l) {
            total++;
            perRecord.merge(l.getRecordIssueId(), 1, Integer::sum);
            increment(learningKind, lower(l.getKind()), 1);
            Instant createdAt = l.getCreatedAt().toInstant();
            increment(period, LearningArchivePage.Facets.period(createdAt), 1);
            if (keep > 0) {
                newest.add(new Key(createdAt, l.getID()));
                if (newest.size() > keep) {
                    newest.poll();
                }
            }
        }

        /** The ids of the page, newest first. */
        List<Integer> page(int offset, int limit) {
            List<Key> kept = new ArrayList<>(newest);
            kept.sort(NEWEST_FIRST);
            return kept.subList(Math.min(offset, kept.size()), Math.min(offset + limit, kept.size())).stream()
                    .map(Key::id).toList();
        }
    }

    /** The page's learnings in the order of {@code ids} (one missing meanwhile is left out). */
    private LearningEntity[] learningsById(List<Integer> ids) {
        if (ids.isEmpty()) {
            return new LearningEntity[0];
        }
        // ID IN (?, …) with at most a page (100) of ints: AO quotes ID (operator follows); portable
        LearningEntity[] rows = ao.find(LearningEntity.class, Query.select(String.join(", ", PAGE_COLUMNS))
                .where("ID IN (" + placeholders(ids.size()) + ")", ids.toArray()));
        Map<Integer, LearningEntity> byId = new HashMap<>();
        for (LearningEntity row : rows) {
            byId.put(row.getID(), row);
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toArray(LearningEntity[]::new);
    }

    /** Records by issue id, with the summary and facet columns: at most {@link #inList} ids, one query. */
    private FailureRecordEntity[] recordsById(java.util.Collection<Long> issueIds) {
        if (issueIds.isEmpty()) {
            return new FailureRecordEntity[0];
        }
        // ISSUE_ID IN (?, …): at most 1,000 ids, Oracle's limit, and below SQL Server's 2,100 parameters
        return ao.find(FailureRecordEntity.class, Query.select(String.join(", ", "ID",
                        FailureRecordEntity.ISSUE_ID, FailureRecordEntity.ISSUE_KEY, FailureRecordEntity.PROJECT_KEY,
                        FailureRecordEntity.SUMMARY, FailureRecordEntity.KIND, FailureRecordEntity.STATUS,
                        FailureRecordEntity.FAILURE_TYPE, FailureRecordEntity.FAILURE_CATEGORY))
                .where(FailureRecordEntity.ISSUE_ID + " IN (" + placeholders(issueIds.size()) + ")",
                        issueIds.toArray()));
    }

    private static Map<Long, ArchivedLearning.RecordSummary> summaries(FailureRecordEntity[] rows) {
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

    /**
     * The record-side part of the search (projects, record kind, failure type, category) on {@code FAILURE_RECORD}
     * alone: {@code COLUMN op ?} clauses as in {@link AoFailureRecordRepository#where}.
     */
    static AoFailureRecordRepository.Where recordWhere(LearningQuery query) {
        List<String> clauses = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        clauses.add(FailureRecordEntity.PROJECT_KEY + " IN (" + placeholders(query.projectKeys().size()) + ")");
        parameters.addAll(query.projectKeys());
        if (query.recordKind() != null) {
            clauses.add(FailureRecordEntity.KIND + " = ?");
            parameters.add(query.recordKind().name());
        }
        if (query.failureType() != null) {
            clauses.add(FailureRecordEntity.FAILURE_TYPE + " = ?");
            parameters.add(query.failureType().name());
        }
        if (query.category() != null) {
            clauses.add(FailureRecordEntity.FAILURE_CATEGORY + " = ?");
            parameters.add(query.category().name());
        }
        return new AoFailureRecordRepository.Where(String.join(" AND ", clauses), parameters.toArray());
    }

    private static String column(String alias, String column) {
        return alias + "." + column;
    }

    private static void increment(Map<String, Integer> counts, String value, int by) {
        if (value != null) {
            counts.merge(value, by, Integer::sum);
        }
    }

    private static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
}
