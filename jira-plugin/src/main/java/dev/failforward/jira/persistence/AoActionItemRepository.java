package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionItemRepository;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.core.record.ActionType;
import dev.failforward.core.record.CheckInResult;
import dev.failforward.core.record.StaleEditException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Action items on Active Objects, with optimistic locking on the {@code VERSION} column: {@link #update} re-reads the
 * row inside the transaction, compares its version with the one the edit was based on, and writes with the version
 * one higher only when they match ({@code UPDATE … WHERE ID = ? AND VERSION = ?} semantics). AO offers no conditional
 * UPDATE, so the row is locked before it is re-read ({@link RowLocks}): of two edits based on the same version, the
 * second waits for the first and then finds the version moved on.
 */
@Named
public class AoActionItemRepository implements ActionItemRepository {

    static final String ITEM_TYPE = "Action item";

    private final ActiveObjects ao;
    private final RecordChangeLog changes;

    @Inject
    public AoActionItemRepository(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.changes = new RecordChangeLog(ao);
    }

    @Override
    public ActionItem add(ActionItem.Draft draft) {
        Objects.requireNonNull(draft, "draft");
        Map<String, Object> columns = new HashMap<>();
        columns.put(ActionItemEntity.RECORD_ISSUE_ID, draft.recordIssueId());
        columns.put(ActionItemEntity.DESCRIPTION, draft.description());
        columns.put(ActionItemEntity.OWNER_KEY, draft.ownerKey());
        columns.put(ActionItemEntity.DUE_DATE, draft.dueDate().toString());
        columns.put(ActionItemEntity.ITEM_TYPE, draft.type().name());
        columns.put(ActionItemEntity.STATUS, ActionStatus.OPEN.name());
        if (draft.checkInDate() != null) {
            columns.put(ActionItemEntity.CHECK_IN_DATE, draft.checkInDate().toString());
        }
        columns.put(ActionItemEntity.CREATED_AT, Date.from(draft.createdAt()));
        columns.put(ActionItemEntity.UPDATED_AT, Date.from(draft.createdAt()));
        columns.put(ActionItemEntity.VERSION, 0L);
        return Transactions.write(ao, () -> {
            ActionItem item = toItem(ao.create(ActionItemEntity.class, columns));
            changes.action(item.recordIssueId(), (int) item.id());
            return item;
        });
    }

    @Override
    public Optional<ActionItem> findById(long id) {
        return entity(id).map(AoActionItemRepository::toItem);
    }

    @Override
    public List<ActionItem> findByRecord(long recordIssueId) {
        // RECORD_ISSUE_ID = ? ORDER BY DUE_DATE, ID: DUE_DATE is NOT NULL VARCHAR(10) "YYYY-MM-DD", digits and dashes,
        // which sort the same under every collation (case- or accent-insensitive ones included)
        ActionItemEntity[] rows = ao.find(ActionItemEntity.class, Query.select()
                .where(ActionItemEntity.RECORD_ISSUE_ID + " = ?", recordIssueId)
                .order(ActionItemEntity.DUE_DATE + " ASC, ID ASC"));
        return Arrays.stream(rows).map(AoActionItemRepository::toItem).toList();
    }

    @Override
    public ActionItem update(ActionItem edited) {
        Objects.requireNonNull(edited, "edited");
        return Transactions.write(ao, () -> {
            // locked, then checked: two edits based on the same version cannot both pass
            ActionItemEntity e = entity(edited.id())
                    .map(row -> RowLocks.lock(ao, ActionItemEntity.class, row, r -> r.setRecordIssueId(r.getRecordIssueId())))
                    .filter(row -> row.getRecordIssueId() == edited.recordIssueId())
                    .filter(row -> row.getVersion() == edited.version())
                    .orElseThrow(() -> new StaleEditException(ITEM_TYPE, edited.id(), edited.version()));
            e.setDescription(edited.description());
            e.setOwnerKey(edited.ownerKey());
            e.setDueDate(edited.dueDate().toString());
            e.setItemType(edited.type().name());
            e.setStatus(edited.status().name());
            e.setCheckInDate(edited.checkInDate() == null ? null : edited.checkInDate().toString());
            e.setCheckInResult(edited.checkInResult() == null ? null : edited.checkInResult().name());
            e.setCheckInNote(edited.checkInNote());
            e.setUpdatedAt(Date.from(edited.updatedAt()));
            e.setVersion(edited.version() + 1);
            e.save();
            changes.action(e.getRecordIssueId(), e.getID());
            return toItem(e);
        });
    }

    @Override
    public boolean delete(long id) {
        // DELETE … WHERE ID = ?: portable (as AoLearningRepository.delete)
        return Transactions.write(ao, () -> {
            Optional<ActionItemEntity> row = entity(id);
            if (row.isEmpty() || ao.deleteWithSQL(ActionItemEntity.class, "ID = ?", row.get().getID()) == 0) {
                return false;
            }
            changes.action(row.get().getRecordIssueId(), row.get().getID());
            return true;
        });
    }

    @Override
    public Optional<ActionItem> setFollowUp(long id, long followUpIssueId, String followUpKey) {
        Objects.requireNonNull(followUpKey, "followUpKey");
        return Transactions.write(ao, () -> {
            // locked, then checked: of two requests for the same item, the second finds the first's issue
            Optional<ActionItemEntity> row = entity(id)
                    .map(r -> RowLocks.lock(ao, ActionItemEntity.class, r, x -> x.setRecordIssueId(x.getRecordIssueId())))
                    .filter(r -> r.getFollowUpIssueId() == null);
            if (row.isEmpty()) {
                return Optional.<ActionItem>empty();
            }
            ActionItemEntity e = row.get();
            e.setFollowUpIssueId(followUpIssueId);
            e.setFollowUpKey(followUpKey);
            e.setVersion(e.getVersion() + 1);
            e.save();
            changes.action(e.getRecordIssueId(), e.getID());
            return Optional.of(toItem(e));
        });
    }

    @Override
    public List<ActionItem> findByFollowUpIssue(long followUpIssueId) {
        // FOLLOW_UP_ISSUE_ID = ? through its index: every issue event of Jira asks, almost always for none
        ActionItemEntity[] rows = ao.find(ActionItemEntity.class, Query.select()
                .where(ActionItemEntity.FOLLOW_UP_ISSUE_ID + " = ?", followUpIssueId).order("ID ASC"));
        return Arrays.stream(rows).map(AoActionItemRepository::toItem).toList();
    }

    @Override
    public List<Instant> earliestCreatedTimes(long recordIssueId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        // a few rows through the RECORD_ISSUE_ID index, however many items the record has
        ActionItemEntity[] rows = ao.find(ActionItemEntity.class, Query.select("ID, " + ActionItemEntity.CREATED_AT)
                .where(ActionItemEntity.RECORD_ISSUE_ID + " = ?", recordIssueId)
                .order(ActionItemEntity.CREATED_AT + " ASC, ID ASC").limit(limit));
        return Arrays.stream(rows).map(row -> row.getCreatedAt().toInstant()).toList();
    }

    private Optional<ActionItemEntity> entity(long id) {
        if (id <= 0 || id > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        // ID = ? with an int: INTEGER everywhere (NUMBER(11) on Oracle)
        ActionItemEntity[] rows = ao.find(ActionItemEntity.class, Query.select().where("ID = ?", (int) id));
        return rows.length == 0 ? Optional.empty() : Optional.of(rows[0]);
    }

    static ActionItem toItem(ActionItemEntity e) {
        return new ActionItem(e.getID(), e.getRecordIssueId(), e.getDescription(), e.getOwnerKey(),
                LocalDate.parse(e.getDueDate()), ActionType.valueOf(e.getItemType()), ActionStatus.valueOf(e.getStatus()),
                e.getCheckInDate() == null ? null : LocalDate.parse(e.getCheckInDate()),
                e.getCheckInResult() == null ? null : CheckInResult.valueOf(e.getCheckInResult()),
                e.getCheckInNote(), e.getCreatedAt().toInstant(), e.getUpdatedAt().toInstant(), e.getVersion(),
                e.getFollowUpKey() == null ? null : e.getFollowUpIssueId(),
                e.getFollowUpIssueId() == null ? null : e.getFollowUpKey());
    }
}
