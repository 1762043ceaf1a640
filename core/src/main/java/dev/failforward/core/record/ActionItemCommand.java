package dev.failforward.core.record;

import dev.failforward.core.lifecycle.FieldProblem;
import dev.failforward.core.text.IsoDate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user typed to add or edit an action item, unchecked. Dates are ISO ({@code 2026-06-30}); type, status and
 * check-in result by name ({@code "prevent"}, {@code "done"}, {@code "not_effective"}); a blank status means OPEN,
 * a blank check-in result "not checked yet". {@link #toDraft} and {@link #applyTo} return field problems, never throw
 * for bad input.
 *
 * <p>Dates must be storable ({@link IsoDate}: {@code yyyy-MM-dd}, years 0001–9999). The owner must be a user of the
 * host when a {@link UserDirectory} is given — always by the failure database's service; the forms without one check
 * only the shape (for values that come from storage, tests and demo data). On an edit, an unchanged owner is kept even
 * if the user has since been deleted, so an old item stays editable.
 */
public record ActionItemCommand(String description, String ownerKey, String dueDate, String type, String status,
                                String checkInDate, String checkInResult, String checkInNote) {

    /** A new, open item of the record (a given status or check-in result is ignored: new items start open). */
    public Validated<ActionItem.Draft> toDraft(long recordIssueId, Instant now) {
        return toDraft(recordIssueId, now, null);
    }

    /** {@link #toDraft(long, Instant)}, and the owner must be one of the {@code users}. */
    public Validated<ActionItem.Draft> toDraft(long recordIssueId, Instant now, UserDirectory users) {
        Objects.requireNonNull(now, "now");
        Checked c = check(true, users, null);
        if (!c.problems.isEmpty()) {
            return Validated.invalid(c.problems);
        }
        return Validated.valid(new ActionItem.Draft(recordIssueId, c.description, c.owner, c.due, c.type,
                c.checkIn, now));
    }

    /**
     * The stored item with every field replaced by this command's, at the stored item's version (so the repository's
     * update fails with {@link StaleEditException} if it changed meanwhile). Pass the version the user's form was
     * loaded with via {@code basedOnVersion}.
     */
    public Validated<ActionItem> applyTo(ActionItem existing, long basedOnVersion, Instant now) {
        return applyTo(existing, basedOnVersion, now, null);
    }

    /** {@link #applyTo(ActionItem, long, Instant)}, and a changed owner must be one of the {@code users}. */
    public Validated<ActionItem> applyTo(ActionItem existing, long basedOnVersion, Instant now, UserDirectory users) {
        Objects.requireNonNull(existing, "existing");
        Objects.requireNonNull(now, "now");
        Checked c = check(false, users, existing.ownerKey());
        if (!c.problems.isEmpty()) {
            return Validated.invalid(c.problems);
        }
        Instant updated = now.isBefore(existing.createdAt()) ? existing.createdAt() : now;
        // the follow-up issue is not the form's: it stays
        return Validated.valid(new ActionItem(existing.id(), existing.recordIssueId(), c.description, c.owner, c.due,
                c.type, c.status, c.checkIn, c.result, c.note, existing.createdAt(), updated, basedOnVersion,
                existing.followUpIssueId(), existing.followUpKey()));
    }

    private Checked check(boolean creating, UserDirectory users, String storedOwner) {
        Checked c = new Checked();
        c.description = Inputs.text(description);
        if (c.description == null) {
            c.problems.add(FailureDbProblem.ACTION_DESCRIPTION_REQUIRED.problem());
        } else if (c.description.length() > ActionItem.DESCRIPTION_MAX_LENGTH) {
            c.problems.add(FailureDbProblem.ACTION_DESCRIPTION_TOO_LONG.problem(String.valueOf(ActionItem.DESCRIPTION_MAX_LENGTH)));
        }
        c.owner = Inputs.text(ownerKey);
        if (c.owner == null) {
            c.problems.add(FailureDbProblem.ACTION_OWNER_REQUIRED.problem());
        } else if (c.owner.length() > ActionItem.USER_KEY_MAX_LENGTH) {
            c.problems.add(FailureDbProblem.ACTION_OWNER_TOO_LONG.problem(String.valueOf(ActionItem.USER_KEY_MAX_LENGTH)));
        } else if (users != null && !c.owner.equals(storedOwner) && !users.exists(c.owner)) {
            c.problems.add(FailureDbProblem.ACTION_OWNER_UNKNOWN.problem(Inputs.shown(c.owner)));
        }
        if (Inputs.text(dueDate) == null) {
            c.problems.add(FailureDbProblem.ACTION_DUE_DATE_REQUIRED.problem());
        } else {
            c.due = date(dueDate, FailureDbProblem.ACTION_DUE_DATE_INVALID, FailureDbProblem.ACTION_DUE_DATE_OUT_OF_RANGE,
                    c.problems);
        }
        if (Inputs.text(type) == null) {
            c.problems.add(FailureDbProblem.ACTION_TYPE_REQUIRED.problem());
        } else {
            c.type = Inputs.enumValue(ActionType.class, type).orElse(null);
            if (c.type == null) {
                c.problems.add(FailureDbProblem.ACTION_TYPE_UNKNOWN.problem(Inputs.shown(type)));
            }
        }
        c.status = ActionStatus.OPEN;
        if (!creating && Inputs.text(status) != null) {
            c.status = Inputs.enumValue(ActionStatus.class, status).orElse(null);
            if (c.status == null) {
                c.problems.add(FailureDbProblem.ACTION_STATUS_UNKNOWN.problem(Inputs.shown(status)));
            }
        }
        if (Inputs.text(checkInDate) != null) {
            c.checkIn = date(checkInDate, FailureDbProblem.ACTION_CHECK_IN_DATE_INVALID,
                    FailureDbProblem.ACTION_CHECK_IN_DATE_OUT_OF_RANGE, c.problems);
            if (c.checkIn != null && c.due != null && c.checkIn.isBefore(c.due)) {
                c.problems.add(FailureDbProblem.ACTION_CHECK_IN_DATE_BEFORE_DUE.problem(c.checkIn.toString(), c.due.toString()));
            }
        }
        if (!creating && Inputs.text(checkInResult) != null) {
            Optional<CheckInResult> result = Inputs.enumValue(CheckInResult.class, checkInResult);
            if (result.isEmpty()) {
                c.problems.add(FailureDbProblem.ACTION_CHECK_IN_RESULT_UNKNOWN.problem(Inputs.shown(checkInResult)));
            } else if (c.status != null && c.status != ActionStatus.DONE) {
                c.problems.add(FailureDbProblem.ACTION_CHECK_IN_RESULT_NOT_DONE.problem());
            } else {
                c.result = result.get();
            }
        }
        if (!creating) {
            c.note = Inputs.text(checkInNote);
            if (c.note != null && c.note.length() > ActionItem.NOTE_MAX_LENGTH) {
                c.problems.add(FailureDbProblem.ACTION_CHECK_IN_NOTE_TOO_LONG.problem(String.valueOf(ActionItem.NOTE_MAX_LENGTH)));
            }
        }
        return c;
    }

    /** A storable date, or {@code null} with the problem that says why not. */
    private static LocalDate date(String text, FailureDbProblem invalid, FailureDbProblem outOfRange,
                                  List<FieldProblem> problems) {
        IsoDate.Reading reading = IsoDate.read(text);
        switch (reading.verdict()) {
            case VALID -> {
                return reading.date();
            }
            case OUT_OF_RANGE -> problems.add(outOfRange.problem(Inputs.shown(text)));
            case MALFORMED -> problems.add(invalid.problem(Inputs.shown(text)));
        }
        return null;
    }

    private static final class Checked {
        final List<FieldProblem> problems = new ArrayList<>();
        String description;
        String owner;
        LocalDate due;
        ActionType type;
        ActionStatus status;
        LocalDate checkIn;
        CheckInResult result;
        String note;
    }
}
