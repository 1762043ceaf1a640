package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.WhyStep;
import dev.failforward.jira.failuredb.RecordDetails;
import dev.failforward.jira.search.SearchableRecord;
import dev.failforward.jira.search.node.RecordTextStore.RecordText;
import dev.failforward.jira.search.node.SearchableRecordSource;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The search index's reads of the failure database: a batch of records with their learnings, action items, whys and
 * text in five queries (one per table), never one per record.
 *
 * <ul>
 *   <li>{@link #load}: {@code ISSUE_ID IN (…)} / {@code RECORD_ISSUE_ID IN (…)} with at most
 *       {@value SearchableRecordSource#BATCH} placeholders (Oracle allows 1,000 expressions in a list, SQL Server 2,100
 *       parameters in a statement);</li>
 *   <li>{@link #page}: keyset paging {@code ISSUE_ID > ? ORDER BY ISSUE_ID LIMIT n} (no OFFSET, so SQL Server's TOP
 *       reads only the page), then the children by the page's id range {@code RECORD_ISSUE_ID >= ? AND
 *       RECORD_ISSUE_ID <= ?} (the indexed column, no parameter list), keeping those of the page's records.</li>
 * </ul>
 * Rows are streamed ({@code ao.stream}: read-only values of the named columns) rather than found as entity proxies,
 * which is several times faster for a rebuild. Children come in the order the repositories give them (learnings by creation, items by due date, whys by position),
 * so a record reads the same here as through {@code FailureDbService.details}.
 */
@Named
public class AoSearchableRecordSource implements SearchableRecordSource {

    // the columns each mapper reads (ao.stream gives read-only rows of exactly these: no proxy per row, no lazy loads)
    private static final String RECORD_COLUMNS = String.join(", ", "ID", FailureRecordEntity.ISSUE_ID,
            FailureRecordEntity.ISSUE_KEY, FailureRecordEntity.PROJECT_KEY, FailureRecordEntity.KIND,
            FailureRecordEntity.SUMMARY, FailureRecordEntity.STATUS, FailureRecordEntity.PHASE,
            FailureRecordEntity.HYPOTHESIS, FailureRecordEntity.HYP_CONDITION, FailureRecordEntity.HYP_OUTCOME,
            FailureRecordEntity.HYP_RATIONALE, FailureRecordEntity.SUCCESS_CRITERIA, FailureRecordEntity.STOP_CRITERIA,
            FailureRecordEntity.OUTCOME, FailureRecordEntity.DECISION, FailureRecordEntity.FAILURE_TYPE,
            FailureRecordEntity.FAILURE_CATEGORY, FailureRecordEntity.FAILURE_MODE, FailureRecordEntity.DISCOVERED_AT,
            FailureRecordEntity.REPORTED_AT, FailureRecordEntity.RESOLVED_AT, FailureRecordEntity.DECIDED_AT,
            FailureRecordEntity.STARTED_AT, FailureRecordEntity.TEAM, FailureRecordEntity.COMPONENT,
            FailureRecordEntity.LABELS, FailureRecordEntity.PIVOTED_FROM, FailureRecordEntity.RECURRENCE_OF,
            FailureRecordEntity.CREATED_AT, FailureRecordEntity.UPDATED_AT, FailureRecordEntity.VERSION);
    private static final String LEARNING_COLUMNS = String.join(", ", "ID", LearningEntity.RECORD_ISSUE_ID,
            LearningEntity.BODY, LearningEntity.KIND, LearningEntity.AUTHOR_KEY, LearningEntity.CREATED_AT,
            LearningEntity.SOURCE_URL, LearningEntity.SOURCE_TITLE);
    private static final String ACTION_COLUMNS = String.join(", ", "ID", ActionItemEntity.RECORD_ISSUE_ID,
            ActionItemEntity.DESCRIPTION, ActionItemEntity.OWNER_KEY, ActionItemEntity.DUE_DATE,
            ActionItemEntity.ITEM_TYPE, ActionItemEntity.STATUS, ActionItemEntity.CHECK_IN_DATE,
            ActionItemEntity.CHECK_IN_RESULT, ActionItemEntity.CHECK_IN_NOTE, ActionItemEntity.CREATED_AT,
            ActionItemEntity.UPDATED_AT, ActionItemEntity.VERSION, ActionItemEntity.FOLLOW_UP_ISSUE_ID,
            ActionItemEntity.FOLLOW_UP_KEY);
    private static final String WHY_COLUMNS = String.join(", ", "ID", WhyStepEntity.RECORD_ISSUE_ID,
            WhyStepEntity.STEP_NO, WhyStepEntity.QUESTION, WhyStepEntity.ANSWER);
    private static final String TEXT_COLUMNS = String.join(", ", "ID", RecordTextEntity.RECORD_ISSUE_ID,
            RecordTextEntity.DESCRIPTION, RecordTextEntity.CONTRIBUTING_FACTORS);

    private final ActiveObjects ao;

    @Inject
    public AoSearchableRecordSource(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
    }

    @Override
    public Map<Long, SearchableRecord> load(Collection<Long> issueIds) {
        Map<Long, SearchableRecord> loaded = new HashMap<>();
        List<Long> ids = new ArrayList<>(new TreeSet<>(issueIds));
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            Object[] parameters = chunk.toArray();
            String in = " IN (" + AoFailureRecordRepository.placeholders(chunk.size()) + ")";
            List<FailureRecord> records = records(Query.select(RECORD_COLUMNS)
                    .where(FailureRecordEntity.ISSUE_ID + in, parameters));
            if (records.isEmpty()) {
                continue;
            }
            String children = "RECORD_ISSUE_ID" + in;
            assemble(records, children, parameters).forEach(record -> loaded.put(record.issueId(), record));
        }
        return loaded;
    }

    @Override
    public List<SearchableRecord> page(long afterIssueId, int limit) {
        List<FailureRecord> records = records(Query.select(RECORD_COLUMNS)
                .where(FailureRecordEntity.ISSUE_ID + " > ?", afterIssueId)
                .order(FailureRecordEntity.ISSUE_ID + " ASC").limit(limit));
        if (records.isEmpty()) {
            return List.of();
        }
        return assemble(records, "RECORD_ISSUE_ID >= ? AND RECORD_ISSUE_ID <= ?",
                new Object[]{records.get(0).issueId(), records.get(records.size() - 1).issueId()});
    }

    @Override
    public int count() {
        // the stand-in has only the criteria form of count (real AO: also count(Class)); IDs start at 1
        return ao.count(FailureRecordEntity.class, "ID > ?", 0);
    }

    private List<FailureRecord> records(Query query) {
        List<FailureRecord> records = new ArrayList<>();
        ao.stream(FailureRecordEntity.class, query, row -> records.add(AoFailureRecordRepository.toRecord(row)));
        records.sort(java.util.Comparator.comparingLong(FailureRecord::issueId));
        return records;
    }

    /** The records with their children, read by one query per child table with {@code childWhere}. */
    private List<SearchableRecord> assemble(List<FailureRecord> records, String childWhere, Object[] parameters) {
        Map<Long, List<Learning>> learnings = new HashMap<>();
        ao.stream(LearningEntity.class, Query.select(LEARNING_COLUMNS).where(childWhere, parameters)
                .order(LearningEntity.RECORD_ISSUE_ID + " ASC, " + LearningEntity.CREATED_AT + " ASC, ID ASC"),
                row -> learnings.computeIfAbsent(row.getRecordIssueId(), id -> new ArrayList<>())
                        .add(AoLearningRepository.toLearning(row)));
        Map<Long, List<ActionItem>> actions = new HashMap<>();
        ao.stream(ActionItemEntity.class, Query.select(ACTION_COLUMNS).where(childWhere, parameters)
                .order(ActionItemEntity.RECORD_ISSUE_ID + " ASC, " + ActionItemEntity.DUE_DATE + " ASC, ID ASC"),
                row -> actions.computeIfAbsent(row.getRecordIssueId(), id -> new ArrayList<>())
                        .add(AoActionItemRepository.toItem(row)));
        Map<Long, List<WhyStep>> whys = new HashMap<>();
        ao.stream(WhyStepEntity.class, Query.select(WHY_COLUMNS).where(childWhere, parameters)
                .order(WhyStepEntity.RECORD_ISSUE_ID + " ASC, " + WhyStepEntity.STEP_NO + " ASC"),
                row -> whys.computeIfAbsent(row.getRecordIssueId(), id -> new ArrayList<>())
                        .add(new WhyStep(row.getRecordIssueId(), row.getStepNo(), row.getQuestion(), row.getAnswer())));
        Map<Long, RecordText> texts = new HashMap<>();
        ao.stream(RecordTextEntity.class, Query.select(TEXT_COLUMNS).where(childWhere, parameters),
                row -> texts.put(row.getRecordIssueId(), AoRecordTextStore.toText(row)));
        Map<Long, SearchableRecord> assembled = new LinkedHashMap<>();
        for (FailureRecord record : records) {
            long id = record.issueId();
            RecordText text = texts.getOrDefault(id, RecordText.NONE);
            assembled.put(id, new SearchableRecord(new RecordDetails(record, learnings.getOrDefault(id, List.of()),
                    actions.getOrDefault(id, List.of()), whys.getOrDefault(id, List.of())), text.description(),
                    text.contributingFactors()));
        }
        return List.copyOf(assembled.values());
    }
}
