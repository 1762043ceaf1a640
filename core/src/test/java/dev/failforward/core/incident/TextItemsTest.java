package dev.failforward.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextItemsTest {

    @Test
    void oneItemPerNonBlankLineWithBulletsAndNumberingStripped() {
        String learnings = """
                - Our alert thresholds were copied from another service
                * Nobody on call knew the payment retry logic
                • The runbook link was dead

                1. Load tests ran against a dataset 10x too small
                2) Handover notes skipped the database migration
                """;

        assertThat(TextItems.items(learnings)).containsExactly(
                "Our alert thresholds were copied from another service",
                "Nobody on call knew the payment retry logic",
                "The runbook link was dead",
                "Load tests ran against a dataset 10x too small",
                "Handover notes skipped the database migration");
    }

    @Test
    void headingsAndDecorationsDoNotCount() {
        String nextSteps = """
                h2. Next steps
                Next steps:
                ----
                # Add an owner to every alert
                # Review the retry logic with the payments team
                """;

        assertThat(TextItems.items(nextSteps)).containsExactly("Add an owner to every alert",
                "Review the retry logic with the payments team");
    }

    @Test
    void wholeParagraphOnOneLineIsOneItem() {
        assertThat(TextItems.items("The ward ran short of staff at night, so checks were skipped, and falls rose."))
                .hasSize(1);
    }

    @Test
    void noTextNoItems() {
        assertThat(TextItems.items(null)).isEmpty();
        assertThat(TextItems.items("")).isEmpty();
        assertThat(TextItems.items(" \n\t\n-\n* \n1.")).isEmpty();
    }

    @Test
    void itemsAreImmutable() {
        assertThatThrownBy(() -> TextItems.items("a").add("b")).isInstanceOf(UnsupportedOperationException.class);
    }
}
