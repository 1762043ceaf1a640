package dev.failforward.core.importing.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failforward.core.importing.tabular.TabularData.Problem;
import dev.failforward.core.importing.tabular.TabularData.Row;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void quotesEscapedQuotesEmbeddedLineBreaksCrlfAndBom() {
        String csv = "\uFEFFid,title,notes\r\n"
                + "1,\"Say \"\"hello\"\"\",\"line one\r\nline two\"\r\n"
                + "2,plain,\"a, b\"\r\n";
        TabularData t = CsvReader.read(csv);

        assertThat(t.headers()).containsExactly("id", "title", "notes");
        assertThat(t.rows()).extracting(Row::values).containsExactly(
                Map.of("id", "1", "title", "Say \"hello\"", "notes", "line one\r\nline two"),
                Map.of("id", "2", "title", "plain", "notes", "a, b"));
        assertThat(t.rows()).extracting(Row::number, Row::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 2), org.assertj.core.groups.Tuple.tuple(2, 4));
        assertThat(t.problems()).isEmpty();
    }

    @Test
    void theDelimiterIsSniffedFromTheHeader() {
        assertThat(CsvReader.sniff("a;b;c\n1,5;2;3")).isEqualTo(';');
        assertThat(CsvReader.sniff("a\tb, c\tc")).isEqualTo('\t');
        assertThat(CsvReader.sniff("\"x;y\",b,c")).isEqualTo(',');
        assertThat(CsvReader.sniff("single")).isEqualTo(',');
        assertThat(CsvReader.read("a;b\n1,5;2\n").rows().get(0).values()).containsEntry("a", "1,5")
                .containsEntry("b", "2");
    }

    @Test
    void blankLinesAreSkippedAndDuplicateOrBlankHeadersMadeUnique() {
        TabularData t = CsvReader.read("Labels,Labels,,Labels\n\nx,y,z,w\n\n");

        assertThat(t.headers()).containsExactly("Labels", "Labels (2)", "Column 3", "Labels (3)");
        assertThat(t.rows()).hasSize(1);
        assertThat(t.rows().get(0).number()).isEqualTo(1);
        assertThat(t.rows().get(0).line()).isEqualTo(3);
    }

    @Test
    void raggedRowsAreKeptWithAProblemNamingTheRow() {
        TabularData t = CsvReader.read("a,b,c\n1,2\n1,2,3,4\n1,2,3,\n");

        assertThat(t.rows()).hasSize(3);
        assertThat(t.rows().get(0).values()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(t.rows().get(0).get("c")).isNull();
        assertThat(t.problems()).containsExactly(
                new Problem(1, 2, "row 1 has 2 cell(s) where the header has 3; the missing ones are taken as empty",
                        false),
                new Problem(2, 3, "row 2 has 4 cells where the header has 3; the extra ones are ignored", false));
    }

    @Test
    void anUnclosedQuoteOrTextAfterAClosingQuoteIsReadLeniently() {
        TabularData open = CsvReader.read("a,b\n1,\"never closed\n2,3\n");
        assertThat(open.rows()).hasSize(1);
        assertThat(open.rows().get(0).values().get("b")).isEqualTo("never closed\n2,3\n");
        assertThat(open.problems()).extracting(Problem::message).containsExactly(
                "the quote opened on line 2 is never closed; the rest of the file was read as one cell");

        TabularData after = CsvReader.read("a,b\n\"x\"y,2\n");
        assertThat(after.rows().get(0).values().get("a")).isEqualTo("xy");
        assertThat(after.problems()).extracting(Problem::message)
                .containsExactly("line 2: text after a closing quote is kept as part of the cell");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsText() {
        assertThat(CsvReader.read("a,b\n5\" disk,2\n").rows().get(0).values().get("a")).isEqualTo("5\" disk");
    }

    @Test
    void aHeaderWithoutRowsIsFatal() {
        assertThat(CsvReader.read("a,b,c\r\n").problems())
                .containsExactly(new Problem(0, 1, "the file has a header line but no rows", true));
        assertThat(CsvReader.read(",,\n").problems()).extracting(Problem::fatal).containsExactly(true);
    }

    @Test
    void aLastLineWithoutLineBreakIsARow() {
        assertThat(CsvReader.read("a\nx").rows()).extracting(r -> r.get("a")).isEqualTo(List.of("x"));
    }
}
