package dev.failforward.jira.rest;

import dev.failforward.core.hypothesis.HypothesisCheck;
import dev.failforward.jira.hypothesis.HypothesisCheckService.LocalizedCheck;

import java.util.List;

/**
 * JSON of a hypothesis check:
 * {@code {"form":"IF_THEN","acceptable":true,"parts":{"condition":…,"expectedOutcome":…,"rationale":null},
 * "signals":["NUMBER","THRESHOLD"],"findings":[{"code":"rationale.missing","severity":"WARNING",…}]}}.
 */
public record HypothesisCheckResponse(String form, boolean acceptable, Parts parts, List<String> signals,
                                      List<Finding> findings) {

    public record Parts(String condition, String expectedOutcome, String rationale) {
    }

    /** {@code start}/{@code end}: character offsets into the checked text (end exclusive), -1 for the whole text. */
    public record Finding(String code, String severity, String i18nKey, String message, int start, int end,
                          List<String> arguments) {
    }

    public static HypothesisCheckResponse from(LocalizedCheck localized) {
        HypothesisCheck check = localized.check();
        return new HypothesisCheckResponse(
                check.form().name(),
                check.acceptable(),
                new Parts(check.parts().condition(), check.parts().expectedOutcome(), check.parts().rationale()),
                check.signals().stream().map(Enum::name).sorted().toList(),
                localized.findings().stream()
                        .map(f -> new Finding(f.finding().code().code(), f.finding().severity().name(),
                                f.finding().i18nKey(), f.message(), f.finding().start(), f.finding().end(),
                                f.finding().arguments()))
                        .toList());
    }
}
