package dev.failforward.core.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The parser never throws, whatever the text. The line parser runs here without {@link CriteriaParser}'s safety net,
 * so a bug shows as a failure instead of an unparsed line.
 */
class CriteriaParserRobustnessTest {

    /** Pieces criteria are made of, so random lines get deep into the parser rather than failing at the first word. */
    private static final String[] PIECES = {"below", "at least", "or more", "+", "%", "$", "€", "k", "M", "m", "-",
            "−", "2026-12-31", "31", "Dec", "2026", "Q3", "by", "per", "month", "a", "week", "1,000", "3.5", ".5", "2,5",
            "0", "zero", "three", "budget", "spend", "error", "rate", "stop if", "we", ":", ",", "(", ")", "≥", "<=",
            "=", "drops by", "increases by", "within", "of", "the", "EUR", "x", "ms", "1st", "of", "March", "/", "03/04/2026",
            "", " ", "\u00a0", "\uD83D\uDE00", "\uD83D", "’", "'", "no more than", "per cent", "percentage points"};

    @Test
    void randomLinesOfCriteriaPiecesNeverThrow() {
        Random random = new Random(20260301);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder line = new StringBuilder("x");
            int pieces = 1 + random.nextInt(12);
            for (int p = 0; p < pieces; p++) {
                line.append(random.nextBoolean() ? " " : "").append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = line.toString().strip();
            assertThatCode(() -> LineParser.parse(text)).as(text).doesNotThrowAnyException();
        }
    }

    @Test
    void randomCharactersNeverThrow() {
        Random random = new Random(7);
        String alphabet = "0123456789.,-/:$€£%<>=≤≥+ abcdkmMxQqhH\u00a0\uD83D\uDE00";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder line = new StringBuilder();
            int length = 1 + random.nextInt(25);
            for (int c = 0; c < length; c++) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = line.toString();
            assertThatCode(() -> LineParser.parse(text)).as(text).doesNotThrowAnyException();
        }
    }

    @Test
    void hugeNumbersAndDigitRunsDoNotThrow() {
        assertThatCode(() -> LineParser.parse("errors below " + "9".repeat(400) + "k")).doesNotThrowAnyException();
        assertThatCode(() -> LineParser.parse("9".repeat(400) + "-12-31")).doesNotThrowAnyException();
        assertThatCode(() -> LineParser.parse("99999999999/12/2026")).doesNotThrowAnyException();
        assertThatCode(() -> LineParser.parse("31 Dec 99999999999")).doesNotThrowAnyException();
    }

    @Test
    void hostileTextIsParsedQuickly() {
        String text = ("is is is , , below 5 " + "(".repeat(20) + " 03/04/2026 " + "1,".repeat(50) + "\n")
                .repeat(500);
        CriteriaParser parser = new CriteriaParser();

        long start = System.nanoTime();
        CriteriaParse parse = parser.parse(text);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(parse.criteria().size() + parse.unparsedLines().size()).isEqualTo(500);
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }
}
