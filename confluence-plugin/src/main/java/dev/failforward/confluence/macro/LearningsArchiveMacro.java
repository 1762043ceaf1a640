package dev.failforward.confluence.macro;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.Macro;
import dev.failforward.confluence.archive.LearningsParameters;
import dev.failforward.confluence.archive.LearningsRenderer;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * {@code failforward-learnings}: a searchable, filterable archive of the learnings of experiments and incidents in
 * Jira. The page gets a placeholder with the macro's filters; the browser loads the learnings from Jira through our
 * REST resource, so page rendering never waits on Jira (and works with no Jira link at all). Bad parameters render an
 * error naming the parameter, never an exception. A shell over {@link LearningsRenderer}.
 */
public class LearningsArchiveMacro implements Macro {

    private final LearningsRenderer renderer;

    @Inject
    public LearningsArchiveMacro(LearningsRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public String execute(Map<String, String> parameters, String body, ConversionContext context) {
        return renderer.render(LearningsParameters.parse(parameters));
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.NONE;
    }

    @Override
    public OutputType getOutputType() {
        return OutputType.BLOCK;
    }
}
