package dev.failforward.core.importing.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnMappingTest {

    @Test
    void aMappingRoundTripsThroughItsSavedForm() {
        ColumnMapping m = ColumnMapping.builder()
                .map(MappedField.SOURCE_ID, "Reference")
                .map(MappedField.TITLE, "Name")
                .map(MappedField.STARTED_AT, "Impact Started At")
                .map(MappedField.LEARNINGS, "What went well", "Lessons; learned", "notes.2")
                .map(MappedField.ACTION_ITEMS, "follow_ups[].title")
                .dateOrder(ColumnMapping.DateOrder.DAY_FIRST)
                .build();

        Map<String, String> saved = m.toMap();
        assertThat(saved).containsExactlyEntriesOf(ToolExportsTest.map(
                "id", "Reference", "title", "Name", "startedAt", "Impact Started At",
                "learnings", "What went well", "learnings.2", "Lessons; learned", "learnings.3", "notes.2",
                "actionItems", "follow_ups[].title", "option.dates", "day-first"));
        ColumnMapping back = ColumnMapping.fromMap(saved);
        assertThat(back).isEqualTo(m);
        assertThat(back.toMap()).isEqualTo(saved);
        assertThat(back.confidence(MappedField.TITLE)).isEqualTo(1.0);
        assertThat(back.confidence(MappedField.SEVERITY)).isZero();
    }

    @Test
    void aSuggestionRoundTripsAndComesBackConfirmed() {
        ColumnMapping suggested = ColumnMapping.suggest(List.of("Issue key", "Summary", "Priority", "Created"));
        assertThat(suggested.confidence(MappedField.SEVERITY)).isEqualTo(0.7);

        ColumnMapping back = ColumnMapping.fromMap(suggested.toMap());
        assertThat(back).isEqualTo(suggested);
        assertThat(back.confidence(MappedField.SEVERITY)).isEqualTo(1.0);
    }

    @Test
    void theDateOrderIsOnlySavedWhenNotAutomatic() {
        assertThat(ColumnMapping.builder().map(MappedField.TITLE, "t").build().toMap())
                .containsExactly(Map.entry("title", "t"));
        assertThat(ColumnMapping.fromMap(Map.of("title", "t")).dateOrder()).isEqualTo(ColumnMapping.DateOrder.AUTO);
    }

    @Test
    void fromMapNamesEveryBadKey() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("title", " ");
        bad.put("titel", "Name");
        bad.put("severity.2", "Priority");
        bad.put("learnings.1", "x");
        bad.put("actionItems.2", "Tasks");
        bad.put("option.dates", "sideways");
        bad.put("summary", null);

        assertThatThrownBy(() -> ColumnMapping.fromMap(bad))
                .isInstanceOfSatisfying(InvalidMappingException.class, e -> assertThat(e.errors())
                        .containsExactlyEntriesOf(ToolExportsTest.map(
                                "title", "names no column",
                                "titel", "is not a field that can be mapped",
                                "severity.2", "takes only one column",
                                "learnings.1", "a second column is numbered from 2",
                                "option.dates", "must be auto, month-first or day-first, not \"sideways\"",
                                "summary", "names no column",
                                "actionItems", "is missing while actionItems.2 is set")))
                .hasMessageContaining("titel");
    }

    @Test
    void withReplacesASingleColumnAndAddsToALlist() {
        ColumnMapping m = ColumnMapping.suggest(List.of("Name", "Summary", "Lessons"))
                .with(MappedField.TITLE, "Summary")
                .with(MappedField.LEARNINGS, "Summary");

        assertThat(m.columns(MappedField.TITLE)).containsExactly("Summary");
        assertThat(m.columns(MappedField.LEARNINGS)).containsExactly("Lessons", "Summary");
        assertThat(m.confidence(MappedField.TITLE)).isEqualTo(1.0);
    }

    @Test
    void aSingleFieldTakesOneColumnInTheBuilder() {
        assertThatThrownBy(() -> ColumnMapping.builder().map(MappedField.TITLE, "a", "b"))
                .hasMessage("title takes only one column");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Custom field (Root Cause) | root cause
            root_cause                | root cause
            rootCause                 | root cause
            Follow-ups                | follow ups
            Post-mortem URL           | postmortem url
            follow_ups[].title        | follow ups title
            """)
    void headersAreNormalised(String header, String expected) {
        assertThat(ColumnMapping.normalise(header)).isEqualTo(expected);
    }

    @Test
    void summaryIsTheTitleOnlyWhenNothingBetterIs() {
        assertThat(ColumnMapping.suggest(List.of("Summary", "Description")).toMap())
                .containsExactlyEntriesOf(ToolExportsTest.map("title", "Summary", "summary", "Description"));
        assertThat(ColumnMapping.suggest(List.of("Summary", "Title")).toMap())
                .containsExactlyEntriesOf(ToolExportsTest.map("title", "Title", "summary", "Summary"));
    }

    @Test
    void anAssigneeInsideAnArrayIsNoIncidentOwnerAndUnknownHeadersStayUnmapped() {
        ColumnMapping m = ColumnMapping.suggest(List.of("title", "tasks[].assignee.name", "Foo", "Status"));
        assertThat(m.toMap()).containsExactlyEntriesOf(ToolExportsTest.map("title", "title"));
    }

    @Test
    void jirasResolutionStatusIsNoResolutionText() {
        assertThat(ColumnMapping.suggest(List.of("Issue key", "Summary", "Resolution")).mapped(MappedField.RESOLUTION))
                .isFalse();
        assertThat(ColumnMapping.suggest(List.of("Name", "Resolution")).column(MappedField.RESOLUTION))
                .isEqualTo("Resolution");
    }
}
