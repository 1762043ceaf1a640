package dev.failforward.core.blameless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The check never throws, keeps its invariants on any string, and stays fast on long or hostile input. */
class BlamelessCheckerRobustnessTest {

    private static final int HUNDRED_KB = 100 * 1024;

    /** Pieces that reach every rule when glued together at random. */
    private static final List<String> PIECES = List.of(
            "Anna", "anna", "ANNA", "He", "she", "We", "Dr.", "Dr", "Monitoring", "The", "the system", "Jenkins",
            "forgot", "missed", "didn't", "did not", "failed to", "messed up", "accidentally", "just", "cause",
            "should have", "should've", "shouldn't have", "could have just", "been", "paged", "seen", "an owner",
            "fault", "'s fault", "whose fault", "fault of", "to blame", "blamed", "git blame", "human error",
            "user error messages", "careless", "lazy", "lazy loading", "dropped the ball", "not", "nobody's",
            "no one", "rather than", "because", "and", "that", ".", ". ", "!", "?", "…", ";", ":", ",", " - ", "-",
            "\n", "\n\n", "\r\n", "\t", "  ", "\"", "“", "”", "'", "’", "‘", "(", ")", "09:12", "2024", "e.g.",
            "😀", "İ", "ß", "Ä", "中文", "e\u0301", "\u00a0", "\u200b", "\ud83d", "\udc4d", "\u0000");

    private final BlamelessChecker checker = BlamelessChecker.defaults();

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void a100KbPostMortemIsCheckedQuickly() {
        StringBuilder text = new StringBuilder();
        String paragraph = "Mark forgot to renew the certificate, which was human error. The system should have "
                + "alerted us. Nobody was at fault; the runbook was out of date. He should have seen the warning.\n";
        while (text.length() < HUNDRED_KB) {
            text.append(paragraph);
        }
        int paragraphs = (int) Math.ceil(HUNDRED_KB / (double) paragraph.length());

        long started = System.nanoTime();
        BlamelessCheck check = checker.check(text.toString());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.println("Blameless check of " + text.length() + " characters took " + millis + " ms");

        assertThat(check.findings()).hasSize(3 * paragraphs);
        assertInvariants(check);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "A", "'", "’", ".", ". ", "\n", "-", "Anna ", "Anna forgot ", "not ", "should have ",
            "should have been ", "fault ", "'s ", "x's fault ", "Dr. ", "09:12 ", "\"human error\" ", "😀"})
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void hostileRepetitionStaysLinear(String unit) {
        String text = unit.repeat(HUNDRED_KB / unit.length());

        assertThatCode(() -> checker.check(text)).doesNotThrowAnyException();
        assertInvariants(checker.check(text));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void randomTextKeepsTheInvariants() {
        Random random = new Random(20240611);
        for (int run = 0; run < 2000; run++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(30);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
                if (random.nextInt(3) > 0) {
                    text.append(' ');
                }
            }
            String input = text.toString();
            assertThatCode(() -> checker.check(input)).as(input).doesNotThrowAnyException();
            assertInvariants(checker.check(input));
        }
    }

    private static void assertInvariants(BlamelessCheck check) {
        String text = check.text();
        int previousEnd = 0;
        for (BlameFinding finding : check.findings()) {
            assertThat(finding.start()).as(text).isGreaterThanOrEqualTo(previousEnd);
            assertThat(finding.end()).as(text).isGreaterThan(finding.start()).isLessThanOrEqualTo(text.length());
            assertThat(finding.phrase()).isEqualTo(text.substring(finding.start(), finding.end()));
            assertThat(finding.messageKey()).isEqualTo(finding.code().messageKey());
            assertThat(finding.suggestionKey()).isEqualTo(finding.code().suggestionKey());
            previousEnd = finding.end();
        }
        assertThat(check.blameless()).isEqualTo(check.findings().isEmpty());
    }
}
