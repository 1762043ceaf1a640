package dev.failforward.confluence.macro;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.Macro;
import dev.failforward.confluence.retro.RetroParameters;
import dev.failforward.confluence.retro.RetroRenderer;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * {@code failforward-retro}: a blameless retro. The rich-text body is the team's retro; the macro adds the chosen
 * template's questions and, for {@code issue}, a header the browser fills from Jira (never during page rendering).
 * Bad parameters render an error naming the parameter, never an exception. A shell over {@link RetroRenderer}.
 *
 * <p>Only a page view ({@code ConversionContext.getOutputType()} is {@code "display"}) is marked interactive
 * ({@code data-editable="true"}): the add-learning form and the blameless check are built there by the browser script,
 * for a logged-in user, and Jira decides (Edit Issues) whether a write is allowed. Email, PDF, Word, feeds and the
 * editor's preview get the template and the team's text only.
 */
public class RetroMacro implements Macro {

    private final RetroRenderer renderer;

    @Inject
    public RetroMacro(RetroRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public String execute(Map<String, String> parameters, String body, ConversionContext context) {
        return renderer.render(RetroParameters.parse(parameters), body, isPageView(context));
    }

    /** The value of Confluence's {@code ConversionContextOutputType.DISPLAY}: a page shown in the browser. */
    static boolean isPageView(ConversionContext context) {
        return context != null && "display".equals(context.getOutputType());
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.RICH_TEXT;
    }

    @Override
    public OutputType getOutputType() {
        return OutputType.BLOCK;
    }
}
