package dev.failforward.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** List items as people paste them: Markdown, Jira wiki markup, e-mail numbering, task boxes. */
class LinesTest {

    @Test
    void splitsAtEveryKindOfLineBreak() {
        assertThat(Lines.split("a\nb\r\nc\rd\u2028e\u0085f")).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(Lines.split("a\n")).containsExactly("a", "");
        assertThat(Lines.split("")).isEmpty();
        assertThat(Lines.split(null)).isEmpty();
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            - Fix the runbook            | Fix the runbook
            * Fix the runbook            | Fix the runbook
            • Fix the runbook            | Fix the runbook
            •Fix the runbook             | Fix the runbook
            + Fix the runbook            | Fix the runbook
            – Fix the runbook            | Fix the runbook
            ** nested wiki bullet        | nested wiki bullet
            "# wiki numbered"            | wiki numbered
            "#* mixed wiki"              | mixed wiki
            1. Fix the runbook           | Fix the runbook
            12) Fix the runbook          | Fix the runbook
            (3) Fix the runbook          | Fix the runbook
            a) Fix the runbook           | Fix the runbook
            b. Fix the runbook           | Fix the runbook
            - 1. Fix the runbook         | Fix the runbook
            - [ ] Fix the runbook        | Fix the runbook
            - [x] Fix the runbook        | Fix the runbook
            "   \t  - spaced out   "     | spaced out
            1.5% error rate              | 1.5% error rate
            -5 points margin             | -5 points margin
            10 patients fell             | 10 patients fell
            e.g. something               | e.g. something
            *bold* text                  | *bold* text
            #1 priority                  | #1 priority
            -Churn below 3%              | -Churn below 3%
            """)
    void stripsBulletsNumberingAndTaskBoxes(String line, String expected) {
        assertThat(Lines.stripBullet(line.replace("\\t", "\t"))).isEqualTo(expected);
    }

    @Test
    void itemsSkipBlankLinesHeadingsAndLinesWithoutLettersOrDigits() {
        String text = """
                Learnings:
                h3. What we learned
                - Alerts fired but nobody owned them

                ---
                * The runbook was out of date
                   \u00a0
                1. Staging differs from production
                """;

        assertThat(Lines.items(text)).containsExactly("Alerts fired but nobody owned them",
                "The runbook was out of date", "Staging differs from production");
    }

    @Test
    void blankAndStripKnowUnicodeSpaces() {
        assertThat(Lines.isBlank(null)).isTrue();
        assertThat(Lines.isBlank("\u00a0\u2003 \t")).isTrue();
        assertThat(Lines.isBlank(" x ")).isFalse();
        assertThat(Lines.strip("\u00a0 x y \u2009")).isEqualTo("x y");
        assertThat(Lines.strip(null)).isEmpty();
        assertThat(Lines.stripBullet(null)).isEmpty();
    }
}
