package dev.failforward.core.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenizerTest {

    private static List<String> kinds(String line) {
        return Tokenizer.tokenize(line).stream().map(t -> t.kind() + ":" + t.text()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            1,000        | 1000
            10,000.50    | 10000.50
            1,000,000    | 1000000
            3.5          | 3.5
            .5           | 0.5
            2,5          | 2.5
            2,75         | 2.75
            007          | 7
            """)
    void numbers(String text, String value) {
        List<Token> tokens = Tokenizer.tokenize(text);

        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).kind()).isEqualTo(Token.Kind.NUMBER);
        assertThat(tokens.get(0).number()).isEqualByComparingTo(new BigDecimal(value));
    }

    @Test
    void aCommaNotBeforeThreeDigitsEndsTheNumber() {
        assertThat(kinds("1,2345")).containsExactly("NUMBER:1", "SYMBOL:,", "NUMBER:2345");
        assertThat(kinds("1,000,5")).containsExactly("NUMBER:1,000", "SYMBOL:,", "NUMBER:5");
    }

    @Test
    void unitsAndMultipliersAreAttachedWords() {
        List<Token> tokens = Tokenizer.tokenize("2k 300ms $5");

        assertThat(tokens).extracting(Token::text).containsExactly("2", "k", "300", "ms", "$", "5");
        assertThat(tokens).extracting(Token::attached).containsExactly(false, true, false, true, false, true);
    }

    @Test
    void wordsKeepHyphensApostrophesAndDigits() {
        assertThat(kinds("sev-1 p95 doesn’t e-mail")).containsExactly("WORD:sev-1", "WORD:p95", "WORD:doesn’t",
                "WORD:e-mail");
        assertThat(Tokenizer.tokenize("Doesn’t").get(0).lower()).isEqualTo("doesn't");
        assertThat(kinds("30-day")).containsExactly("NUMBER:30", "SYMBOL:-", "WORD:day");
    }

    @Test
    void comparisonSymbolsPair() {
        assertThat(kinds("a<=1 b>=2 c=<3 d=>4 e==5 f!=6 g≤7")).containsExactly("WORD:a", "SYMBOL:<=", "NUMBER:1",
                "WORD:b", "SYMBOL:>=", "NUMBER:2", "WORD:c", "SYMBOL:=<", "NUMBER:3", "WORD:d", "SYMBOL:=>",
                "NUMBER:4", "WORD:e", "SYMBOL:==", "NUMBER:5", "WORD:f", "SYMBOL:!=", "NUMBER:6", "WORD:g",
                "SYMBOL:≤", "NUMBER:7");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            2026-12-31   | 2026-12-31
            2026-1-5     | 2026-01-05
            2026/12/31   | 2026-12-31
            2026.12.31   | 2026-12-31
            31.12.2026   | 2026-12-31
            1.5.2026     | 2026-05-01
            31/12/2026   | 2026-12-31
            12/31/2026   | 2026-12-31
            31-12-2026   | 2026-12-31
            04/04/2026   | 2026-04-04
            """)
    void numericDates(String text, LocalDate date) {
        List<Token> tokens = Tokenizer.tokenize(text);

        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).kind()).isEqualTo(Token.Kind.DATE);
        assertThat(tokens.get(0).date()).isEqualTo(date);
    }

    @ParameterizedTest
    @CsvSource({"03/04/2026", "2026-02-30", "2026-13-01", "31/13/2026", "30.02.2026"})
    void impossibleOrAmbiguousDatesAreBadDates(String text) {
        List<Token> tokens = Tokenizer.tokenize(text);

        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).kind()).isEqualTo(Token.Kind.BAD_DATE);
        assertThat(tokens.get(0).date()).isNull();
    }

    @Test
    void versionNumbersAndShortYearsAreNoDates() {
        assertThat(kinds("3.5.10")).containsExactly("NUMBER:3.5", "SYMBOL:.", "NUMBER:10");
        assertThat(kinds("31/12/26")).containsExactly("NUMBER:31", "SYMBOL:/", "NUMBER:12", "SYMBOL:/", "NUMBER:26");
        assertThat(kinds("12345-12-31")).first().isEqualTo("NUMBER:12345");
    }

    @Test
    void offsetsPointIntoTheLine() {
        String line = "NPS  ≥ 40";

        List<Token> tokens = Tokenizer.tokenize(line);

        assertThat(tokens).extracting(t -> line.substring(t.start(), t.end())).containsExactly("NPS", "≥", "40");
    }

    @Test
    void surrogatePairsAreSingleSymbols() {
        assertThat(kinds("\uD83D\uDE00 ok")).containsExactly("SYMBOL:\uD83D\uDE00", "WORD:ok");
    }
}
