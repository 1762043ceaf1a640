package dev.failforward.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failforward.core.experiment.Decision;
import dev.failforward.core.experiment.ExperimentSnapshot;
import dev.failforward.core.experiment.Outcome;
import dev.failforward.core.experiment.Phase;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureMode;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.incident.IncidentSnapshot;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every "with…" method of both snapshots changes its own field and keeps all others. */
class SnapshotCopiesTest {

    private static final Map<Class<?>, Object> SAMPLES = Map.ofEntries(
            Map.entry(String.class, "text"), Map.entry(BigDecimal.class, new BigDecimal("12.5")),
            Map.entry(Integer.class, 7), Map.entry(Instant.class, Instant.parse("2026-01-02T03:04:05Z")),
            Map.entry(Phase.class, Phase.EXPERIMENT), Map.entry(Outcome.class, Outcome.REFUTED),
            Map.entry(Decision.class, Decision.PIVOT), Map.entry(FailureType.class, FailureType.INTELLIGENT),
            Map.entry(FailureCategory.class, FailureCategory.DATA_GAP), Map.entry(FailureMode.class, FailureMode.OUTCOME));

    @Test
    void experimentSnapshotCopies() throws Exception {
        checkCopies(ExperimentSnapshot.class, ExperimentSnapshot.empty());
    }

    @Test
    void incidentSnapshotCopies() throws Exception {
        checkCopies(IncidentSnapshot.class, IncidentSnapshot.empty());
    }

    private static void checkCopies(Class<? extends Record> type, Record empty) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        assertThat(components).isNotEmpty();
        for (RecordComponent component : components) {
            assertThat(component.getAccessor().invoke(empty)).as(component.getName()).isNull();
        }
        for (RecordComponent changed : components) {
            String name = changed.getName();
            Method with = type.getMethod("with" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
                    changed.getType());
            Object sample = SAMPLES.get(changed.getType());
            assertThat(sample).as("sample for " + changed.getType()).isNotNull();

            Object copy = with.invoke(empty, sample);

            assertThat(copy).isInstanceOf(type);
            for (RecordComponent component : components) {
                Object value = component.getAccessor().invoke(copy);
                if (component.getName().equals(name)) {
                    assertThat(value).as(name).isEqualTo(sample);
                } else {
                    assertThat(value).as(name + " keeps " + component.getName()).isNull();
                }
            }
        }
    }
}
