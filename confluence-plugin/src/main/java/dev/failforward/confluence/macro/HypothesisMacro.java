package dev.failforward.confluence.macro;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.Macro;
import dev.failforward.confluence.hypothesis.HypothesisCardRenderer;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * {@code failforward-hypothesis}: the macro body is a hypothesis in plain text; the page shows it as a card with its
 * parts and the hypothesis check's findings, so an experiment plan or a retro shows at a glance whether the
 * hypothesis was testable. A shell: all work is in {@link HypothesisCardRenderer}.
 */
public class HypothesisMacro implements Macro {

    private final HypothesisCardRenderer renderer;

    @Inject
    public HypothesisMacro(HypothesisCardRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public String execute(Map<String, String> parameters, String body, ConversionContext context) {
        return renderer.render(body);
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.PLAIN_TEXT;
    }

    @Override
    public OutputType getOutputType() {
        return OutputType.BLOCK;
    }
}
