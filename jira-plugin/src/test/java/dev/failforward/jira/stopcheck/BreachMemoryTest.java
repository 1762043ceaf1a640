package dev.failforward.jira.stopcheck;

import dev.failforward.host.settings.InMemoryPluginSettings;
import dev.failforward.core.experiment.Breach;
import dev.failforward.core.experiment.BreachReason;
import dev.failforward.jira.testing.FakeIssue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BreachMemoryTest {

    private static final Breach TIMEBOX = BreachReason.TIMEBOX.breach("14", "2026-11-15T09:00:00Z");
    private static final Breach OVERSPENT_TODAY = BreachReason.BUDGET.breach("5200", "5000");
    private static final Breach OVERSPENT_TOMORROW = BreachReason.BUDGET.breach("5900", "5000");
    private static final Breach OVER_CAP = BreachReason.BUDGET_CRITERION.breach("5900", "5500 EUR", "stop if spend exceeds 5500 EUR");
    private static final Breach DEADLINE_NOV = BreachReason.DEADLINE.breach("2026-11-15", "Stop by 15 Nov 2026");
    private static final Breach DEADLINE_DEC = BreachReason.DEADLINE.breach("2026-12-01", "Hard stop on 1 Dec 2026");

    private final InMemoryPluginSettings settings = new InMemoryPluginSettings();
    private final BreachMemory memory = new BreachMemory(settings.factory());
    private final FakeIssue issue = new FakeIssue("EXP-7");

    @Test
    void aBreachIsIdentifiedByItsKindAndTheLimitPassed() {
        assertThat(BreachMemory.identity(TIMEBOX)).isEqualTo("timebox:2026-11-15T09:00:00Z");
        assertThat(BreachMemory.identity(OVERSPENT_TODAY)).isEqualTo("budget:5000");
        assertThat(BreachMemory.identity(OVER_CAP)).isEqualTo("budget:5500 EUR");
        assertThat(BreachMemory.identity(DEADLINE_NOV)).isEqualTo("deadline:2026-11-15");
    }

    @Test
    void spendingMoreTheNextDayIsStillTheSameBreach() {
        assertThat(BreachMemory.identity(OVERSPENT_TOMORROW)).isEqualTo(BreachMemory.identity(OVERSPENT_TODAY));
    }

    @Test
    void nothingIsFlaggedOnAnIssueNeverChecked() {
        assertThat(memory.notFlaggedYet(issue, List.of(TIMEBOX, OVERSPENT_TODAY)))
                .containsExactly(TIMEBOX, OVERSPENT_TODAY);
    }

    @Test
    void aFlaggedBreachIsNotNewTheNextDayButAnotherOneIs() {
        memory.rememberFlagged(issue, List.of(TIMEBOX, OVERSPENT_TODAY, DEADLINE_NOV));

        assertThat(memory.notFlaggedYet(issue, List.of(TIMEBOX, OVERSPENT_TOMORROW, DEADLINE_NOV, DEADLINE_DEC, OVER_CAP)))
                .containsExactly(DEADLINE_DEC, OVER_CAP);
    }

    @Test
    void theMemoryIsPerIssue() {
        memory.rememberFlagged(issue, List.of(TIMEBOX));

        assertThat(memory.notFlaggedYet(new FakeIssue("EXP-8"), List.of(TIMEBOX))).containsExactly(TIMEBOX);
    }

    @Test
    void itIsKeptInTheGlobalSettingsAsAListOfStringsUnderTheIssueId() {
        memory.rememberFlagged(issue, List.of(TIMEBOX));
        memory.rememberFlagged(issue, List.of(DEADLINE_NOV, TIMEBOX));

        assertThat(settings.get("dev.failforward.jira:stopcheck:" + issue.getId()))
                .isEqualTo(List.of("timebox:2026-11-15T09:00:00Z", "deadline:2026-11-15"));
    }

    @Test
    void somethingElseStoredUnderTheKeyCountsAsNothingFlagged() {
        settings.put(BreachMemory.key(issue), "timebox:2026-11-15T09:00:00Z");

        assertThat(memory.notFlaggedYet(issue, List.of(TIMEBOX))).containsExactly(TIMEBOX);
    }
}
