package dev.failforward.jira.hypothesis;

import dev.failforward.core.hypothesis.FindingCode;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.jira.JiraI18n;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class HypothesisCheckServiceTest {

    private final BundleI18nResolver i18n = JiraI18n.english();
    private final HypothesisCheckService service = new HypothesisCheckService(i18n);

    @Test
    void everyFindingCodeHasATranslation() {
        for (FindingCode code : FindingCode.values()) {
            assertThat(i18n.hasKey(code.i18nKey())).as(code.i18nKey()).isTrue();
        }
    }

    @Test
    void findingsCarryTheirMessageWithArguments() {
        var result = service.check("If we redesign the page, then things will maybe get better");
        assertThat(result.findings()).isNotEmpty();
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.message()).doesNotStartWith("failforward."));
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.message()).isEqualTo(
                "\"maybe\" is vague: say exactly what changes and by how much."));
    }

    @Test
    void anEmptyHypothesisAsksForOne() {
        var result = service.check("");
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.finding().code()).isEqualTo(FindingCode.EMPTY);
            assertThat(f.message()).startsWith("Write a hypothesis");
        });
    }
}
