package dev.failforward.confluence.macro;

import com.atlassian.confluence.macro.Macro;
import dev.failforward.confluence.archive.ArchivePeriod;
import dev.failforward.confluence.archive.LearningsParameters;
import dev.failforward.confluence.archive.LearningsRenderer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class LearningsArchiveMacroTest {

    private final LearningsRenderer renderer = mock(LearningsRenderer.class);
    private final LearningsArchiveMacro macro = new LearningsArchiveMacro(renderer);

    @Test
    void parsesTheParametersAndRendersThePlaceholder() throws Exception {
        LearningsParameters expected = new LearningsParameters(List.of("OPS"), "experiment", null, null, null,
                ArchivePeriod.THIS_YEAR, "pricing", 10, List.of());
        when(renderer.render(expected)).thenReturn("<section class=\"ff-archive\"></section>");

        assertThat(macro.execute(Map.of("projects", "ops", "kind", "experiment", "period", "this-year",
                "query", "pricing", "max", "10"), null, null)).isEqualTo("<section class=\"ff-archive\"></section>");
        verify(renderer).render(expected);
    }

    @Test
    void badParametersReachTheRendererAsProblemsNotExceptions() {
        assertThatCode(() -> macro.execute(Map.of("max", "many"), null, null)).doesNotThrowAnyException();
        verify(renderer).render(new LearningsParameters(List.of(), null, null, null, null, ArchivePeriod.ALL, "", 20,
                List.of(new LearningsParameters.Problem("max", "failforward.archive.error.max", "many"))));
    }

    @Test
    void hasNoBodyAndRendersABlock() {
        assertThat(macro.getBodyType()).isEqualTo(Macro.BodyType.NONE);
        assertThat(macro.getOutputType()).isEqualTo(Macro.OutputType.BLOCK);
    }
}
