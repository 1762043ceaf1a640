package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.jira.search.node.RecordTextStore;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link RecordTextEntity} rows: find-then-write in one transaction keyed by the unique {@code RECORD_ISSUE_ID}, with a
 * search change row when the text changed ({@link RecordChangeLog#searchOnly}). Two nodes inserting the first text of
 * one issue at once: the second fails on the unique constraint, rolls back whole and tries once more (then the update
 * path), as {@link AoFailureRecordRepository#upsert} does. Unchanged text writes nothing, so a repeated issue event
 * logs no change.
 */
@Named
public class AoRecordTextStore implements RecordTextStore {

    private final ActiveObjects ao;
    private final RecordChangeLog changes;

    @Inject
    public AoRecordTextStore(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.changes = new RecordChangeLog(ao);
    }

    @Override
    public boolean write(long issueId, RecordText text) {
        RecordText normal = new RecordText(blankToNull(text.description()), blankToNull(text.contributingFactors()));
        try {
            return writeOnce(issueId, normal);
        } catch (RuntimeException e) {
            if (!DatabaseErrors.isUniqueViolation(e)) {
                throw e;
            }
            return writeOnce(issueId, normal);
        }
    }

    private boolean writeOnce(long issueId, RecordText text) {
        return Transactions.write(ao, () -> {
            RecordTextEntity[] rows = ao.find(RecordTextEntity.class,
                    Query.select().where(RecordTextEntity.RECORD_ISSUE_ID + " = ?", issueId));
            if (rows.length == 0) {
                if (text.equals(RecordText.NONE)) {
                    return false;
                }
                Map<String, Object> columns = new HashMap<>();
                columns.put(RecordTextEntity.RECORD_ISSUE_ID, issueId);
                columns.put(RecordTextEntity.DESCRIPTION, text.description());
                columns.put(RecordTextEntity.CONTRIBUTING_FACTORS, text.contributingFactors());
                ao.create(RecordTextEntity.class, columns);
            } else {
                RecordTextEntity row = rows[0];
                if (toText(row).equals(text)) {
                    return false;
                }
                row.setDescription(text.description());
                row.setContributingFactors(text.contributingFactors());
                row.save();
            }
            changes.searchOnly(issueId);
            return true;
        });
    }

    @Override
    public Optional<RecordText> find(long issueId) {
        RecordTextEntity[] rows = ao.find(RecordTextEntity.class,
                Query.select().where(RecordTextEntity.RECORD_ISSUE_ID + " = ?", issueId));
        return rows.length == 0 ? Optional.empty() : Optional.of(toText(rows[0]));
    }

    static RecordText toText(RecordTextEntity row) {
        return new RecordText(row.getDescription(), row.getContributingFactors());
    }

    private static String blankToNull(String text) {
        // Oracle stores '' as NULL: never write it, so every database reads back the same value
        return text == null || text.isBlank() ? null : text;
    }
}
