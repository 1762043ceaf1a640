package dev.failforward.confluence.macro;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.Macro;
import dev.failforward.confluence.retro.RetroParameters;
import dev.failforward.confluence.retro.RetroRenderer;
import dev.failforward.confluence.retro.RetroTemplate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class RetroMacroTest {

    private final RetroRenderer renderer = mock(RetroRenderer.class);
    private final RetroMacro macro = new RetroMacro(renderer);

    private static ConversionContext output(String type) {
        return () -> type;
    }

    @Test
    void parsesTheParametersAndRendersAPageViewInteractively() throws Exception {
        RetroParameters expected = new RetroParameters(Optional.of("OPS-1"), RetroTemplate.FAILURE_HUDDLE, List.of());
        when(renderer.render(expected, "<p>b</p>", true)).thenReturn("<div class=\"ff-retro\"></div>");
        assertThat(macro.execute(Map.of("issue", "OPS-1", "template", "failure-huddle"), "<p>b</p>", output("display")))
                .isEqualTo("<div class=\"ff-retro\"></div>");
        verify(renderer).render(expected, "<p>b</p>", true);
    }

    @Test
    void emailPdfWordFeedsAndTheEditorPreviewGetNoForms() throws Exception {
        RetroParameters expected = new RetroParameters(Optional.of("OPS-1"), RetroTemplate.DEFAULT, List.of());
        for (String type : List.of("email", "pdf", "word", "feed", "preview")) {
            macro.execute(Map.of("issue", "OPS-1"), "<p>b</p>", output(type));
        }
        macro.execute(Map.of("issue", "OPS-1"), "<p>b</p>", null);
        verify(renderer, times(6)).render(expected, "<p>b</p>", false);
    }

    @Test
    void badParametersReachTheRendererAsProblemsNotExceptions() throws Exception {
        macro.execute(Map.of("issue", "x"), null, output("display"));
        verify(renderer).render(new RetroParameters(Optional.empty(), RetroTemplate.DEFAULT,
                List.of(new RetroParameters.Problem("issue", "failforward.retro.error.issue", "x"))), null, true);
    }

    @Test
    void takesARichTextBodyAndRendersABlock() {
        assertThat(macro.getBodyType()).isEqualTo(Macro.BodyType.RICH_TEXT);
        assertThat(macro.getOutputType()).isEqualTo(Macro.OutputType.BLOCK);
    }
}
