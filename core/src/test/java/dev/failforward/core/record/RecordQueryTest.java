package dev.failforward.core.record;

import dev.failforward.core.experiment.Phase;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecordQueryTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void startsWithNoFiltersNewestFirst() {
        RecordQuery q = RecordQuery.inProjects(Set.of("OPS", "LAB"));
        assertThat(q.projectKeys()).containsExactly("LAB", "OPS");
        assertThat(q.kind()).isNull();
        assertThat(q.statuses()).isEmpty();
        assertThat(q.sort()).isEqualTo(RecordSort.CREATED);
        assertThat(q.ascending()).isFalse();
        assertThat(q.page()).isEqualTo(RecordQuery.DEFAULT_PAGE);
        assertThat(q.text()).isNull();
    }

    @Test
    void withersChangeOneThing() {
        RecordQuery q = RecordQuery.inProjects(Set.of("OPS")).withKind(RecordKind.INCIDENT)
                .withStatuses(Set.of("Closed")).withPhase(Phase.EXPLORE).withFailureType(FailureType.BASIC)
                .withFailureCategory(FailureCategory.DATA_GAP).withCreated(T, T.plusSeconds(60)).withText("  Backup ")
                .sortedBy(RecordSort.KEY, true).withPage(new PageRequest(10, 5));
        assertThat(q.kind()).isEqualTo(RecordKind.INCIDENT);
        assertThat(q.statuses()).containsExactly("Closed");
        assertThat(q.phase()).isEqualTo(Phase.EXPLORE);
        assertThat(q.failureType()).isEqualTo(FailureType.BASIC);
        assertThat(q.failureCategory()).isEqualTo(FailureCategory.DATA_GAP);
        assertThat(q.createdFrom()).isEqualTo(T);
        assertThat(q.createdBefore()).isEqualTo(T.plusSeconds(60));
        assertThat(q.text()).isEqualTo("Backup");
        assertThat(q.normalizedText()).isEqualTo("backup");
        assertThat(q.sort()).isEqualTo(RecordSort.KEY);
        assertThat(q.ascending()).isTrue();
        assertThat(q.page()).isEqualTo(new PageRequest(10, 5));
        assertThat(q.withText(" ").text()).isNull();
    }

    @Test
    void rejectsBadFilters() {
        assertThatIllegalArgumentException().isThrownBy(() -> RecordQuery.inProjects(Set.of("ops")))
                .withMessageContaining("projectKeys");
        RecordQuery q = RecordQuery.inProjects(Set.of("OPS"));
        assertThatIllegalArgumentException().isThrownBy(() -> q.withStatuses(Set.of(" ")))
                .withMessageContaining("statuses");
        assertThatIllegalArgumentException().isThrownBy(() -> q.withCreated(T, T))
                .withMessageContaining("createdFrom");
        assertThatIllegalArgumentException().isThrownBy(() -> q.withText("x".repeat(201)))
                .withMessageContaining("text is longer than 200");
        Set<String> many = new HashSet<>();
        for (int i = 0; i <= RecordQuery.MAX_PROJECTS; i++) {
            many.add("P" + i);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> RecordQuery.inProjects(many))
                .withMessageContaining("projectKeys has more than");
    }

    @Test
    void anEmptyProjectSetIsAllowedAndMeansNothing() {
        assertThat(RecordQuery.inProjects(Set.of()).projectKeys()).isEmpty();
        assertThat(RecordQuery.inProjects(null).projectKeys()).isEmpty();
    }

    @Test
    void pageKnowsWhetherMoreFollow() {
        FailureRecord r = FailureRecordTest.experiment().build();
        assertThat(new RecordPage(List.of(r), 3, new PageRequest(1, 1)).hasNext()).isTrue();
        assertThat(new RecordPage(List.of(r), 3, new PageRequest(2, 1)).hasNext()).isFalse();
        assertThat(new RecordPage(List.of(), 0, PageRequest.first(10)).hasNext()).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new RecordPage(List.of(r, r), 2, PageRequest.first(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new RecordPage(List.of(), -1, PageRequest.first(1)));
    }
}
