package dev.failforward.confluence.archive;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LearningsParametersTest {

    @Test
    void withoutParametersTheArchiveShowsEverythingTwentyAtATime() {
        LearningsParameters parameters = LearningsParameters.parse(null);
        assertThat(parameters).isEqualTo(new LearningsParameters(List.of(), null, null, null, null, ArchivePeriod.ALL,
                "", 20, List.of()));
        assertThat(parameters.valid()).isTrue();
    }

    @Test
    void readsEveryParameterCaseInsensitively() {
        Map<String, String> given = new HashMap<>();
        given.put("projects", " ops, grow_2 ,OPS,, ");
        given.put("kind", "Incident");
        given.put("learningKind", "went-well");
        given.put("failureType", "COMPLEX");
        given.put("category", "design flaw");
        given.put("period", "90D");
        given.put("query", "  rollback  ");
        given.put("max", "50");

        assertThat(LearningsParameters.parse(given)).isEqualTo(new LearningsParameters(List.of("OPS", "GROW_2"),
                "incident", "went_well", "complex", "design_flaw", ArchivePeriod.LAST_90_DAYS, "rollback", 50,
                List.of()));
    }

    @Test
    void anyAndBlankMeanNoFilter() {
        LearningsParameters parameters = LearningsParameters.parse(Map.of("kind", "any", "learningKind", "ANY",
                "failureType", " ", "category", "", "projects", " ", "period", "all"));
        assertThat(parameters.valid()).isTrue();
        assertThat(parameters.recordKind()).isNull();
        assertThat(parameters.learningKind()).isNull();
        assertThat(parameters.failureType()).isNull();
        assertThat(parameters.category()).isNull();
        assertThat(parameters.projects()).isEmpty();
    }

    @Test
    void everyBadParameterIsAProblemNamingIt() {
        Map<String, String> given = new HashMap<>();
        given.put("projects", "OPS, 1ABC");
        given.put("kind", "postmortem");
        given.put("learningKind", "wisdom");
        given.put("failureType", "fatal");
        given.put("category", "people");
        given.put("period", "7d");
        given.put("query", "x".repeat(201));
        given.put("max", "0");

        LearningsParameters parameters = LearningsParameters.parse(given);

        assertThat(parameters.valid()).isFalse();
        assertThat(parameters.problems()).extracting(LearningsParameters.Problem::parameter).containsExactly(
                "projects", "kind", "learningKind", "failureType", "category", "period", "query", "max");
        assertThat(parameters.problems().get(0)).isEqualTo(
                new LearningsParameters.Problem("projects", "failforward.archive.error.projects", "OPS, 1ABC"));
        assertThat(parameters.problems().get(7)).isEqualTo(
                new LearningsParameters.Problem("max", "failforward.archive.error.max", "0"));
    }

    @Test
    void maxIsAWholeNumberFromOneToAHundred() {
        assertThat(LearningsParameters.parse(Map.of("max", "1")).max()).isEqualTo(1);
        assertThat(LearningsParameters.parse(Map.of("max", "100")).max()).isEqualTo(100);
        for (String bad : List.of("101", "-5", "ten", "2.5", "99999999999")) {
            assertThat(LearningsParameters.parse(Map.of("max", bad)).problems()).as(bad)
                    .extracting(LearningsParameters.Problem::parameter).containsExactly("max");
        }
    }

    @Test
    void theQueryMayBeTwoHundredCharacters() {
        assertThat(LearningsParameters.parse(Map.of("query", "y".repeat(200))).query()).hasSize(200);
    }

    @Test
    void atMostFiftyProjects() {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            keys.append("P").append(i).append(',');
        }
        assertThat(LearningsParameters.parse(Map.of("projects", keys.toString())).problems())
                .containsExactly(new LearningsParameters.Problem("projects",
                        "failforward.archive.error.projects.toomany", keys.toString().strip()));
    }
}
