package dev.failforward.core.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.record.LearningKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportModelTest {

    @Test
    void anIncidentNeedsAKeyAndATitleThatFitsTheSummaryField() {
        assertThatThrownBy(() -> ImportedIncident.builder("", "t").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sourceKey");
        assertThatThrownBy(() -> ImportedIncident.builder("k", " ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> ImportedIncident.builder("k", "x".repeat(256)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("255");
    }

    @Test
    void anIncidentIsImmutable() {
        List<String> whys = new ArrayList<>(List.of("Why? Because."));
        Map<ImportField, String> provenance = new EnumMap<>(ImportField.class);
        provenance.put(ImportField.TITLE, "heading line 1");
        ImportedIncident i = ImportedIncident.builder("k", "t").whys(whys).provenance(provenance).build();
        whys.add("more");
        provenance.put(ImportField.SUMMARY, "x");

        assertThat(i.whys()).hasSize(1);
        assertThat(i.provenance()).containsOnlyKeys(ImportField.TITLE);
        assertThatThrownBy(() -> i.learnings().add(new ImportedLearning("x", LearningKind.INSIGHT, "s")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void learningsAndActionsKeepTheStoredLengths() {
        assertThatThrownBy(() -> new ImportedLearning("x".repeat(2001), LearningKind.INSIGHT, "s"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImportedAction("x".repeat(2001), null, null, false, "s"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ImportedAction("do it", " ", null, false, "s").owner()).isNull();
    }

    @Test
    void aResultWithoutIncidentMustSayWhy() {
        assertThatThrownBy(() -> new ImportResult("a.md", null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        ImportResult r = new ImportResult("a.md", null, List.of(new ImportProblem(ImportField.FILE, "empty", 0)));
        assertThat(r.importable()).isFalse();
        assertThat(r.problems().get(0)).hasToString("FILE: empty");
        assertThat(new ImportProblem(ImportField.TITLE, "cut", 3)).hasToString("TITLE (line 3): cut");
    }

    @Test
    void statedCategoriesAreReadInTheWordsPeopleUse() {
        assertThat(CategorySuggester.stated("Data gap")).contains(FailureCategory.DATA_GAP);
        assertThat(CategorySuggester.stated("design-flaw")).contains(FailureCategory.DESIGN_FLAW);
        assertThat(CategorySuggester.stated("Process deviation (skipped step)"))
                .contains(FailureCategory.PROCESS_DEVIATION);
        assertThat(CategorySuggester.stated("Third-party")).contains(FailureCategory.EXTERNAL_SHOCK);
        assertThat(CategorySuggester.stated("other")).contains(FailureCategory.OTHER);
        assertThat(CategorySuggester.stated("gremlins")).isEmpty();
    }

    @Test
    void causeWordsWeighMoreThanTheRestOfTheText() {
        CategorySuggestion s = CategorySuggester.suggest("The vendor's upstream provider failed.",
                "We skipped a checklist step and the process was unclear.").orElseThrow();

        assertThat(s.category()).isEqualTo(FailureCategory.EXTERNAL_SHOCK);
        assertThat(s.reason()).contains("vendor", "upstream", "provider");
    }

    @Test
    void aCloseCallIsToConfirmAndAClearOneIsNot() {
        assertThat(CategorySuggester.suggest("a bug and a checklist", "").orElseThrow().toConfirm()).isTrue();
        assertThat(CategorySuggester.suggest("a design flaw: a race condition and a memory leak", "").orElseThrow()
                .toConfirm()).isFalse();
        assertThat(CategorySuggester.suggest("nothing to see", "here")).isEmpty();
    }

    @Test
    void aMissingDiscoveryTimeIsEstimatedFromTheEarliestKnownTimeAndSaysSo() {
        Instant t = Instant.parse("2026-03-05T10:00:00Z");
        ImportedIncident reported = ImportedIncident.builder("k", "t").reportedAt(t.plusSeconds(600))
                .resolvedAt(t.plusSeconds(3600)).build().withEstimatedDiscovery();
        assertThat(reported.discoveredAt()).isEqualTo(t.plusSeconds(600));
        assertThat(reported.provenance().get(ImportField.DISCOVERED_AT))
                .startsWith("estimated from the report");

        ImportedIncident started = ImportedIncident.builder("k", "t").startedAt(t).reportedAt(t.plusSeconds(600))
                .build().withEstimatedDiscovery();
        assertThat(started.discoveredAt()).isEqualTo(t);

        ImportedIncident timeline = ImportedIncident.builder("k", "t")
                .timeline(List.of(new TimelineEntry(t.plusSeconds(120), "second", 9), new TimelineEntry(t, "first", 8)))
                .build().withEstimatedDiscovery();
        assertThat(timeline.discoveredAt()).isEqualTo(t);
        assertThat(timeline.provenance().get(ImportField.DISCOVERED_AT))
                .contains("line 8");

        ImportedIncident stated = ImportedIncident.builder("k", "t").discoveredAt(t.plusSeconds(60)).startedAt(t)
                .build();
        assertThat(stated.withEstimatedDiscovery()).isSameAs(stated);
        ImportedIncident dated = ImportedIncident.builder("k", "t").incidentDay(t).build().withEstimatedDiscovery();
        assertThat(dated.discoveredAt()).isEqualTo(t);
        assertThat(dated.provenance().get(ImportField.DISCOVERED_AT)).contains("incident's date");
        ImportedIncident timeless = ImportedIncident.builder("k", "t").build();
        assertThat(timeless.withEstimatedDiscovery().discoveredAt()).isNull();
    }
}
