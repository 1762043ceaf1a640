package dev.failforward.core.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the parser puts keyword and connector; the linter's offsets for missing parts come from these spans. */
class HypothesisParserTest {

    private static HypothesisParser.Result parse(String text) {
        return HypothesisParser.parse(TokenizedText.of(text));
    }

    private static String at(String text, HypothesisParser.Span span) {
        return span == null ? null : text.substring(span.start(), span.end());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            If we pair, then bugs drop 10%                         | If                  | ", then"
            If we pair then bugs drop 10%                          | If                  | then
            If we pair, bugs drop 10%                              | If                  | ","
            If we pair.\\nThen bugs drop 10%                       | If                  | Then
            When we pair, bugs drop 10%                            | When                | ","
            Hypothesis: When we pair then bugs drop 10%            | When                | then
            We believe that pairing will result in 10% fewer bugs  | We believe that     | will result in
            We believe pairing would lead to 10% fewer bugs        | We believe          | would lead to
            We believe pairing will reduce bugs by 10%             | We believe          | will
            We believe pairing will help                           | We believe          | will
            We think that if we pair, bugs drop 10%                | We think that if    | ","
            We believe pairing                                     | We believe          |
            If we pair                                             | If                  |
            """)
    void findsKeywordAndConnector(String text, String keyword, String connector) {
        String raw = text.replace("\\n", "\n");
        HypothesisParser.Result result = parse(raw);

        assertThat(at(raw, result.keyword())).isEqualTo(keyword);
        assertThat(at(raw, result.connector())).isEqualTo(connector);
    }

    @Test
    void beliefVerbWithoutModalLeavesAnEmptyConnectorAndKeepsTheVerb() {
        String text = "We believe pairing reduces bugs by 10%";
        HypothesisParser.Result result = parse(text);

        assertThat(result.connector().isEmpty()).isTrue();
        assertThat(at(text, result.outcome())).isEqualTo("reduces bugs by 10%");
    }

    @Test
    void modalBeforeADirectionVerbIsPreferredOverAnEarlierModal() {
        String text = "We believe a bot that will answer FAQs will cut tickets by 30%";
        HypothesisParser.Result result = parse(text);

        assertThat(at(text, result.condition())).isEqualTo("a bot that will answer FAQs");
        assertThat(at(text, result.outcome())).isEqualTo("cut tickets by 30%");
    }

    @Test
    void spansAreTrimmedOfPunctuationAndQuotes() {
        String text = "“If  we pair ,  then — bugs drop 10% !”";
        HypothesisParser.Result result = parse(text);

        assertThat(at(text, result.condition())).isEqualTo("we pair");
        assertThat(at(text, result.outcome())).isEqualTo("bugs drop 10%");
    }

    @Test
    void keepsALeadingMinusOfTheOutcome() {
        String text = "If we pair, -10% bugs";

        assertThat(at(text, parse(text).outcome())).isEqualTo("-10% bugs");
    }

    @Test
    void unrecognisedTextHasNoSpans() {
        HypothesisParser.Result result = parse("Pairing reduces bugs, because reviews come late");

        assertThat(result).isEqualTo(HypothesisParser.Result.UNRECOGNISED);
    }

    @Test
    void aBecauseOnItsOwnLineEndsTheOutcomeEvenWithoutAFullStop() {
        String text = "If we pair, then bugs drop 10%\n  because reviews come late\nand are skipped";
        HypothesisParser.Result result = parse(text);

        assertThat(at(text, result.outcome())).isEqualTo("bugs drop 10%");
        assertThat(at(text, result.rationale())).isEqualTo("reviews come late\nand are skipped");
    }
}
