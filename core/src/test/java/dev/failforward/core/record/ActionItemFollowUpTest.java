package dev.failforward.core.record;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** An action item's follow-up issue: set together, kept by edits, and the status following the issue's resolution. */
class ActionItemFollowUpTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-05-02T10:00:00Z");

    private static ActionItem item(ActionStatus status, CheckInResult result, Long issueId, String key) {
        return new ActionItem(7, 10001, "Add a pool alarm", "u-fred", LocalDate.of(2026, 6, 30), ActionType.DETECT,
                status, LocalDate.of(2026, 7, 30), result, "worked", T0, T0, 2, issueId, key);
    }

    @Test
    void idAndKeyAreSetTogether() {
        assertThat(item(ActionStatus.OPEN, null, null, null).hasFollowUp()).isFalse();
        assertThat(item(ActionStatus.OPEN, null, 55L, "OPS-100").hasFollowUp()).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> item(ActionStatus.OPEN, null, 55L, null));
        assertThatIllegalArgumentException().isThrownBy(() -> item(ActionStatus.OPEN, null, null, "OPS-100"));
        assertThatIllegalArgumentException().isThrownBy(() -> item(ActionStatus.OPEN, null, 0L, "OPS-100"));
    }

    @Test
    void resolvedMakesItDoneAndReopenedOpenWithoutTheCheckInResult() {
        ActionItem open = item(ActionStatus.OPEN, null, 55L, "OPS-100");

        ActionItem done = open.followingResolution(true, T1);
        assertThat(done.status()).isEqualTo(ActionStatus.DONE);
        assertThat(done.updatedAt()).isEqualTo(T1);
        assertThat(done.followUpKey()).isEqualTo("OPS-100");
        assertThat(done.followingResolution(true, T1)).isSameAs(done);

        ActionItem checked = item(ActionStatus.DONE, CheckInResult.EFFECTIVE, 55L, "OPS-100");
        ActionItem reopened = checked.followingResolution(false, T1);
        assertThat(reopened.status()).isEqualTo(ActionStatus.OPEN);
        assertThat(reopened.checkInResult()).isNull();
        assertThat(reopened.checkInNote()).isEqualTo("worked");
        assertThat(reopened.checkInDate()).isEqualTo(LocalDate.of(2026, 7, 30));
    }

    @Test
    void anEditKeepsTheFollowUp() {
        ActionItem stored = item(ActionStatus.OPEN, null, 55L, "OPS-100");
        ActionItem edited = new ActionItemCommand("Alarm", "u-fred", "2026-06-30", "detect", "done", null, null, null)
                .applyTo(stored, 2, T1).value();
        assertThat(edited.followUpIssueId()).isEqualTo(55L);
        assertThat(edited.followUpKey()).isEqualTo("OPS-100");
    }
}
