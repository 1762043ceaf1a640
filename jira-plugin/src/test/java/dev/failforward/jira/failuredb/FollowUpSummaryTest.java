package dev.failforward.jira.failuredb;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary of a follow-up issue: the description's first line, at most Jira's 255 characters. */
class FollowUpSummaryTest {

    @Test
    void isTheFirstNonBlankLine() {
        assertThat(FollowUpIssues.summaryOf("\n  Add a pool alarm  \nwith a runbook")).isEqualTo("Add a pool alarm");
        assertThat(FollowUpIssues.summaryOf("   ")).isEmpty();
        assertThat(FollowUpIssues.summaryOf(null)).isEmpty();
    }

    @Test
    void isCutTo255CharactersWithoutSplittingACharacter() {
        String cut = FollowUpIssues.summaryOf("x".repeat(300));
        assertThat(cut).hasSize(255).endsWith("…");
        String emoji = FollowUpIssues.summaryOf("x".repeat(253) + "😀" + "y".repeat(10));
        assertThat(emoji.length()).isLessThanOrEqualTo(255);
        assertThat(Character.isHighSurrogate(emoji.charAt(emoji.length() - 2))).isFalse();
        assertThat(FollowUpIssues.summaryOf("x".repeat(255))).hasSize(255).doesNotEndWith("…");
    }
}
