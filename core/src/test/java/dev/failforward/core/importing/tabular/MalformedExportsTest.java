package dev.failforward.core.importing.tabular;

import static dev.failforward.core.importing.tabular.ToolExportsTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failforward.core.importing.ImportField;
import dev.failforward.core.importing.ImportProblem;
import dev.failforward.core.importing.ImportResult;
import dev.failforward.core.importing.ImportedIncident;
import dev.failforward.core.incident.FailureCategory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MalformedExportsTest {

    static final ColumnMapping BASIC = ColumnMapping.builder()
            .map(MappedField.SOURCE_ID, "id")
            .map(MappedField.TITLE, "title")
            .map(MappedField.STARTED_AT, "start")
            .map(MappedField.RESOLVED_AT, "end")
            .build();

    static List<ImportResult> read(String name, String content) {
        return read(name, content, BASIC);
    }

    static List<ImportResult> read(String name, String content, ColumnMapping mapping) {
        return TabularImporter.read(name, content, mapping, ZoneOffset.UTC, NOW);
    }

    static List<String> problems(ImportResult r) {
        return r.problems().stream().map(ImportProblem::toString).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            empty.csv   | ''                   | FILE: the file is empty
            nothing.csv | NULL                 | FILE: the file is empty
            blank.json  | '  \n '              | FILE: the file is empty
            bom.csv     | '\uFEFF'             | FILE: the file is empty
            header.csv  | 'id,title,start,end' | FILE (line 1): the file has a header line but no rows
            header.json | '[]'                 | FILE (line 1): the JSON array holds no incidents
            bad.json    | '[{"id": 1,}]'       | FILE (line 1): the file is not valid JSON: expected a member name in quotes (line 1)
            """)
    void aFileThatCannotBeReadGivesOneResultWithoutIncident(String name, String content, String problem) {
        List<ImportResult> results = read(name, content == null ? null : content.replace("\\n", "\n"));

        assertThat(results).hasSize(1);
        assertThat(results.get(0).sourceName()).isEqualTo(name);
        assertThat(results.get(0).importable()).isFalse();
        assertThat(problems(results.get(0))).containsExactly(problem);
    }

    @Test
    void binaryContentIsRefused() {
        String zip = "PK\u0003\u0004\u0014\u0000\u0008\u0000" + "\u0001\u0002".repeat(200);
        assertThat(problems(read("export.csv", zip).get(0))).containsExactly(
                "FILE: the file is not text (binary content, or an encoding other than UTF-8)");
    }

    @Test
    void aHugeFileIsRefusedBeforeParsing() {
        String huge = "id,title\n" + "x".repeat(TabularImporter.MAX_CHARS);
        assertThat(problems(read("huge.csv", huge).get(0))).singleElement().asString()
                .startsWith("FILE: the file has 33554441 characters, more than the 33554432");
    }

    @Test
    void latin1BytesReadAsUtf8AreReportedOnEveryRow() {
        List<ImportResult> results = read("latin1.csv", "id,title,start,end\n1,Ausfall M\uFFFDnchen,,\n");
        assertThat(problems(results.get(0))).containsExactly("FILE: 1 character(s) could not be read as UTF-8 and "
                + "show as \uFFFD; export the file as UTF-8 and import it again");
        assertThat(results.get(0).incident().title()).isEqualTo("Ausfall M\uFFFDnchen");
    }

    @Test
    void unparsableValuesNameTheColumnAndTheRowAndTheRestIsKept() {
        String csv = """
                id,title,start,end,category,failure type
                A-1,Disk full,yesterday,2024-03-05 10:00,weather,accidental
                A-2,Clock skew,2024-03-05 12:00,2024-03-05 11:00,,
                A-3,From the future,2031-01-01 00:00,,,
                """;
        ColumnMapping mapping = ColumnMapping.builder().map(MappedField.SOURCE_ID, "id")
                .map(MappedField.TITLE, "title").map(MappedField.STARTED_AT, "start")
                .map(MappedField.RESOLVED_AT, "end").map(MappedField.CATEGORY, "category")
                .map(MappedField.FAILURE_TYPE, "failure type").build();
        List<ImportResult> results = read("ops.csv", csv, mapping);

        assertThat(results).allSatisfy(r -> assertThat(r.importable()).isTrue());
        ImportedIncident a = results.get(0).incident();
        assertThat(a.startedAt()).isNull();
        assertThat(a.resolvedAt()).isEqualTo(Instant.parse("2024-03-05T10:00:00Z"));
        assertThat(a.failureType()).isNull();
        assertThat(problems(results.get(0))).containsExactly(
                "STARTED_AT (line 2): column \"start\" row 1: \"yesterday\" is not a date and time",
                "FAILURE_TYPE (line 2): column \"failure type\" row 1: \"accidental\" is no failure type (basic, "
                        + "complex, intelligent)",
                "CATEGORY (line 2): column \"category\" row 1: \"weather\" names no category (design flaw, data gap, "
                        + "process deviation, external shock, other); suggested from the text instead");
        assertThat(problems(results.get(1))).containsExactly("TIMELINE (line 3): row 2: resolved "
                + "(2024-03-05T11:00:00Z) is before started (2024-03-05T12:00:00Z); both kept");
        assertThat(results.get(1).incident().resolvedAt()).isEqualTo(Instant.parse("2024-03-05T11:00:00Z"));
        assertThat(problems(results.get(2))).containsExactly(
                "STARTED_AT (line 4): column \"start\" row 3: 2031-01-01T00:00:00Z is in the future; dropped");
    }

    @Test
    void aRowWithoutTitleSummaryOrIdIsSkippedAndTheOthersImported() {
        List<ImportResult> results = read("x.csv", "id,title,start,end\n,,2024-01-01,\nB-2,,,\nB-3,Fine,,\n");

        assertThat(results).extracting(ImportResult::sourceName).containsExactly("x.csv#row 1", "x.csv#B-2",
                "x.csv#B-3");
        assertThat(results.get(0).importable()).isFalse();
        assertThat(problems(results.get(0))).containsExactly("TITLE (line 2): row 1 has no title (column \"title\" "
                + "is empty), summary or id; skipped");
        assertThat(results.get(1).incident().title()).isEqualTo("B-2");
        assertThat(results.get(1).incident().provenance().get(ImportField.TITLE))
                .isEqualTo("the id, column \"id\" row 2");
        assertThat(results.get(2).incident().title()).isEqualTo("Fine");
    }

    @Test
    void raggedRowsAndMissingMappedColumnsAreReportedOnTheRowsTheyConcern() {
        ColumnMapping mapping = ColumnMapping.builder().map(MappedField.SOURCE_ID, "id")
                .map(MappedField.TITLE, "title").map(MappedField.SEVERITY, "Severity").build();
        List<ImportResult> results = read("r.csv", "id,title,x\n1,One\n2,Two,x,extra\n3,Three,x\n", mapping);

        assertThat(results).hasSize(3).allSatisfy(r -> assertThat(r.importable()).isTrue());
        String missing = "SEVERITY: the column \"Severity\" mapped to severity is not in the file";
        assertThat(problems(results.get(0))).containsExactly(missing,
                "FILE (line 2): row 1 has 2 cell(s) where the header has 3; the missing ones are taken as empty");
        assertThat(problems(results.get(1))).containsExactly(missing,
                "FILE (line 3): row 2 has 4 cells where the header has 3; the extra ones are ignored");
        assertThat(problems(results.get(2))).containsExactly(missing);
    }

    @Test
    void aJsonElementThatIsNoObjectIsReportedOnTheRowsThatWereRead() {
        List<ImportResult> results = read("e.json", "[{\"id\": 1, \"title\": \"a\"},\n \"stray\"]");

        assertThat(results).hasSize(1);
        assertThat(problems(results.get(0))).contains("FILE (line 2): row 2 is not an object; skipped");
    }

    @Test
    void aDuplicateIdIsReported() {
        List<ImportResult> results = read("d.csv", "id,title,start,end\nINC-1,a,,\ninc 1,b,,\n");
        assertThat(problems(results.get(1))).containsExactly("SOURCE_KEY (line 3): row 2: the id \"inc 1\" is also "
                + "on row 1; both would update the same incident");
    }

    @Test
    void aLongTitleIsCut() {
        ImportResult r = read("l.csv", "id,title,start,end\n1," + "t".repeat(300) + ",,\n").get(0);
        assertThat(r.incident().title()).hasSize(255).endsWith("…");
        assertThat(problems(r)).containsExactly("TITLE (line 2): row 1: the title has 300 characters; cut to 255");
    }

    @Test
    void slashDatesAreDayFirstForTheWholeFileWhenAValueShowsIt() {
        String csv = "id,title,start,end\n1,a,05/03/2024 10:00,13/03/2024 10:00\n2,b,01/02/2024 09:00,\n";
        List<ImportResult> results = read("eu.csv", csv);

        assertThat(results.get(0).incident().startedAt()).isEqualTo(Instant.parse("2024-03-05T10:00:00Z"));
        assertThat(results.get(0).incident().resolvedAt()).isEqualTo(Instant.parse("2024-03-13T10:00:00Z"));
        assertThat(results.get(1).incident().startedAt()).isEqualTo(Instant.parse("2024-02-01T09:00:00Z"));
        assertThat(results).allSatisfy(r -> assertThat(r.problems()).isEmpty());

        ColumnMapping monthFirst = ColumnMapping.fromMap(ToolExportsTest.map("id", "id", "title", "title",
                "startedAt", "start", "option.dates", "month-first"));
        ImportResult forced = read("eu.csv", csv, monthFirst).get(0);
        assertThat(forced.incident().startedAt()).isEqualTo(Instant.parse("2024-05-03T10:00:00Z"));
    }

    @Test
    void mixedDateOrdersAreReportedAndReadMonthFirst() {
        String csv = "id,title,start,end\n1,a,13/03/2024 10:00,03/14/2024 10:00\n";
        ImportResult r = read("mixed.csv", csv).get(0);

        assertThat(r.incident().startedAt()).isNull();
        assertThat(r.incident().resolvedAt()).isEqualTo(Instant.parse("2024-03-14T10:00:00Z"));
        assertThat(problems(r)).containsExactly(
                "TIME_ZONE: the file has dates with a day first (13/…) and others with a month first (…/13/…); read "
                        + "month first, set the date order to fix it",
                "STARTED_AT (line 2): column \"start\" row 1: \"13/03/2024 10:00\" is not a date and time");
    }

    @Test
    void theImportZoneAppliesToTimesWithoutOne() {
        List<ImportResult> results = TabularImporter.read("z.csv", "id,title,start,end\n1,a,2024-07-01 10:00,"
                + "2024-07-01 10:30 UTC\n", BASIC, ZoneId.of("America/Los_Angeles"), NOW);
        assertThat(results.get(0).incident().startedAt()).isEqualTo(Instant.parse("2024-07-01T17:00:00Z"));
        assertThat(results.get(0).incident().resolvedAt()).isEqualTo(Instant.parse("2024-07-01T10:30:00Z"));
    }

    @Test
    void aFileWithoutCsvOrJsonNameIsSniffed() {
        assertThat(TabularImporter.parse("export", "  [{\"a\":1}]").format()).isEqualTo("json");
        assertThat(TabularImporter.parse("export.txt", "a,b\n1,2").format()).isEqualTo("csv");
        assertThat(TabularImporter.parse("export.csv", "[not, json]").format()).isEqualTo("csv");
    }

    @Test
    void aSemicolonCsvFromASpreadsheetWithBomAndCrlf() {
        String csv = "\uFEFFid;title;root cause;start;end\r\n7;\"Upstream \"\"CDN\"\" outage\";\"The CDN provider "
                + "had an outage;\r\nour vendor failover was manual\";2024-09-01 08:00;2024-09-01 09:00\r\n";
        ColumnMapping mapping = ColumnMapping.suggest(TabularImporter.parse("s.csv", csv).headers());
        ImportedIncident i = read("s.csv", csv, mapping).get(0).incident();

        assertThat(mapping.toMap()).containsExactlyEntriesOf(ToolExportsTest.map("id", "id", "title", "title",
                "rootCause", "root cause", "startedAt", "start", "resolvedAt", "end"));
        assertThat(i.title()).isEqualTo("Upstream \"CDN\" outage");
        assertThat(i.rootCause()).isEqualTo("The CDN provider had an outage;\r\nour vendor failover was manual");
        assertThat(i.category().category()).isEqualTo(FailureCategory.EXTERNAL_SHOCK);
        assertThat(i.category().toConfirm()).isTrue();
    }

    @Test
    void neverThrowsOnRandomBytes() {
        java.util.Random random = new java.util.Random(15);
        for (int n = 0; n < 300; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(200);
            String alphabet = "{}[]\",;:\t\n\r\\ax1-T ";
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String content = sb.toString();
            assertThat(read(n % 2 == 0 ? "f.csv" : "f.json", content)).isNotEmpty();
        }
    }
}
