package dev.failforward.confluence.macro;

import com.atlassian.confluence.macro.Macro;
import dev.failforward.confluence.hypothesis.HypothesisCardRenderer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class HypothesisMacroTest {

    private final HypothesisCardRenderer renderer = mock(HypothesisCardRenderer.class);
    private final HypothesisMacro macro = new HypothesisMacro(renderer);

    @Test
    void rendersTheBodyAsACard() throws Exception {
        when(renderer.render("If x, then y drops 5%")).thenReturn("<div class=\"ff-hypothesis-card\"></div>");
        assertThat(macro.execute(Map.of(), "If x, then y drops 5%", null)).isEqualTo("<div class=\"ff-hypothesis-card\"></div>");
        verify(renderer).render("If x, then y drops 5%");
    }

    @Test
    void takesAPlainTextBodyAndRendersABlock() {
        assertThat(macro.getBodyType()).isEqualTo(Macro.BodyType.PLAIN_TEXT);
        assertThat(macro.getOutputType()).isEqualTo(Macro.OutputType.BLOCK);
    }
}
