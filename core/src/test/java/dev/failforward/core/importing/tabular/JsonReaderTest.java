package dev.failforward.core.importing.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failforward.core.importing.tabular.TabularData.Problem;
import dev.failforward.core.importing.tabular.TabularData.Row;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReaderTest {

    @Test
    void nestedObjectsBecomeDottedPathsAndArraysListCells() {
        TabularData t = JsonReader.read("""
                [{"id": 1, "ok": true, "none": null, "ratio": -1.5e3, "text": "a\\"b\\\\c\\u00e9\\n",
                  "fields": {"severity": {"name": "SEV1"}},
                  "tags": ["x", "y", null],
                  "tasks": [{"title": "t1", "who": {"name": "A"}}, {"title": "t2"}],
                  "empty": []}]
                """);

        assertThat(t.rows()).extracting(Row::values).containsExactly(Map.ofEntries(
                Map.entry("id", "1"), Map.entry("ok", "true"), Map.entry("none", ""), Map.entry("ratio", "-1.5e3"),
                Map.entry("text", "a\"b\\cé\n"), Map.entry("fields.severity.name", "SEV1"),
                Map.entry("tags", "x\ny"), Map.entry("tasks[].title", "t1\nt2"),
                Map.entry("tasks[].who.name", "A"), Map.entry("empty", "")));
        assertThat(t.problems()).isEmpty();
    }

    @Test
    void rowsRememberTheLineTheirObjectStartsOn() {
        TabularData t = JsonReader.read("{\"items\": [\n  {\"a\": 1},\n\n  {\"a\": 2}\n], \"next\": null}");

        assertThat(t.rows()).extracting(Row::number, Row::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 2), org.assertj.core.groups.Tuple.tuple(2, 4));
    }

    @Test
    void headersAreTheUnionInOrderOfFirstAppearance() {
        assertThat(JsonReader.read("[{\"a\":1,\"b\":2},{\"c\":3,\"a\":4}]").headers()).containsExactly("a", "b", "c");
    }

    @Test
    void anElementThatIsNoObjectIsSkippedWithAProblem() {
        TabularData t = JsonReader.read("[{\"a\":1}, 7]");
        assertThat(t.rows()).hasSize(1);
        assertThat(t.problems()).containsExactly(new Problem(2, 1, "row 2 is not an object; skipped", false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            [{"a":1},]                    | the file is not valid JSON: unexpected character ']' (line 1)
            [{"a":1}                      | the file is not valid JSON: unexpected end of the file (line 1)
            [{'a':1}]                     | the file is not valid JSON: expected a member name in quotes (line 1)
            [{"a":01}]                    | the file is not valid JSON: "01" is not a JSON number (line 1)
            [{"a":1,"a":2}]               | the file is not valid JSON: the member "a" is written twice (line 1)
            [{"a":"x\\q"}]                | the file is not valid JSON: an unknown escape \\q (line 1)
            [{"a":1}] x                   | the file is not valid JSON: unexpected text after the JSON value (line 1)
            [{"a":nul}]                   | the file is not valid JSON: unexpected text; expected null (line 1)
            "just a string"               | the JSON is a single value; expected an array of incidents
            {"a": 1}                      | the JSON object has no array of incidents; expected [...] or {"incidents": [...]}
            {"a": [], "b": []}            | the JSON object has several arrays (a, b); expected exactly one array of incidents
            []                            | the JSON array holds no incidents
            [1, 2]                        | the JSON array holds no objects
            """)
    void brokenJsonIsOneFatalProblem(String json, String message) {
        TabularData t = JsonReader.read(json);

        assertThat(t.rows()).isEmpty();
        assertThat(t.problems()).filteredOn(Problem::fatal).extracting(Problem::message).containsExactly(message);
    }

    @Test
    void aRawLineBreakInsideAStringIsReportedWithItsLine() {
        assertThat(JsonReader.read("[\n{\"a\": \"x\ny\"}]").problems()).extracting(Problem::message).containsExactly(
                "the file is not valid JSON: a control character inside a string (write \\n for a line break) "
                        + "(line 2)");
    }

    @Test
    void deepNestingIsRefusedWithoutOverflowingTheStack() {
        String deep = "[" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "]";
        assertThat(JsonReader.read(deep).problems()).extracting(Problem::message).containsExactly(
                "the file is not valid JSON: nested more than 64 levels deep (line 1)");
    }
}
