package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.record.WhyStep;
import dev.failforward.core.record.WhyStepRepository;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The 5 whys on Active Objects: a chain is deleted and written again whole, in one transaction, with its search change
 * row ({@link RecordChangeLog#searchOnly}).
 */
@Named
public class AoWhyStepRepository implements WhyStepRepository {

    private final ActiveObjects ao;
    private final RecordChangeLog changes;

    @Inject
    public AoWhyStepRepository(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.changes = new RecordChangeLog(ao);
    }

    @Override
    public List<WhyStep> replaceAll(long recordIssueId, List<WhyStep> steps) {
        List<WhyStep> chain = List.copyOf(Objects.requireNonNull(steps, "steps"));
        for (int i = 0; i < chain.size(); i++) {
            WhyStep step = chain.get(i);
            if (step.recordIssueId() != recordIssueId) {
                throw new IllegalArgumentException("step " + (i + 1) + " belongs to record " + step.recordIssueId()
                        + ", not " + recordIssueId);
            }
            if (step.position() != i + 1) {
                throw new IllegalArgumentException("positions must be 1.." + chain.size() + " in order; step "
                        + (i + 1) + " has position " + step.position());
            }
        }
        return Transactions.write(ao, () -> {
            // DELETE then INSERT in one transaction: portable; on PostgreSQL and Oracle (MVCC) readers see the old chain
            // until the commit, on SQL Server (default READ COMMITTED with locks) they wait for it
            ao.deleteWithSQL(WhyStepEntity.class, WhyStepEntity.RECORD_ISSUE_ID + " = ?", recordIssueId);
            for (WhyStep step : chain) {
                Map<String, Object> columns = new HashMap<>();
                columns.put(WhyStepEntity.RECORD_ISSUE_ID, recordIssueId);
                columns.put(WhyStepEntity.STEP_NO, step.position());
                columns.put(WhyStepEntity.QUESTION, step.question());
                columns.put(WhyStepEntity.ANSWER, step.answer());
                ao.create(WhyStepEntity.class, columns);
            }
            // the whys feed no KPI, but the search index holds them
            changes.searchOnly(recordIssueId);
            return chain;
        });
    }

    @Override
    public List<WhyStep> findByRecord(long recordIssueId) {
        // RECORD_ISSUE_ID = ? ORDER BY STEP_NO: numbers only, portable
        WhyStepEntity[] rows = ao.find(WhyStepEntity.class, Query.select()
                .where(WhyStepEntity.RECORD_ISSUE_ID + " = ?", recordIssueId)
                .order(WhyStepEntity.STEP_NO + " ASC"));
        return Arrays.stream(rows)
                .map(e -> new WhyStep(e.getRecordIssueId(), e.getStepNo(), e.getQuestion(), e.getAnswer()))
                .toList();
    }
}
