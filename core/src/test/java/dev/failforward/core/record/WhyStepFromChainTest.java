package dev.failforward.core.record;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WhyStepFromChainTest {

    @Test
    void splitsEachWhyAfterItsFirstQuestionMark() {
        List<WhyStep> steps = WhyStep.fromChain(7, List.of("Why was the wrong band printed? The previous record was open.",
                "Why was it open? The queue kept it? Probably."));
        assertThat(steps).containsExactly(
                new WhyStep(7, 1, "Why was the wrong band printed?", "The previous record was open."),
                new WhyStep(7, 2, "Why was it open?", "The queue kept it? Probably."));
    }

    @Test
    void aLineWithoutAQuestionAnswersAnImplicitWhy() {
        assertThat(WhyStep.fromChain(7, List.of("The print step does not confirm the patient", "Why did it fail?")))
                .containsExactly(new WhyStep(7, 1, "Why?", "The print step does not confirm the patient"),
                        new WhyStep(7, 2, "Why?", "Why did it fail?"));
    }

    @Test
    void skipsBlankLinesAndStopsAtTheMaximum() {
        List<String> many = new ArrayList<>(Collections.nCopies(25, "Why? Because."));
        many.add(0, "  ");
        List<WhyStep> steps = WhyStep.fromChain(7, many);
        assertThat(steps).hasSize(WhyStep.MAX_STEPS);
        assertThat(steps.get(WhyStep.MAX_STEPS - 1).position()).isEqualTo(WhyStep.MAX_STEPS);
    }

    @Test
    void cutsOverlongParts() {
        String longAnswer = "x".repeat(WhyStep.TEXT_MAX_LENGTH + 50);
        assertThat(WhyStep.fromChain(7, List.of("Why? " + longAnswer)).get(0).answer()).hasSize(WhyStep.TEXT_MAX_LENGTH);
    }
}
