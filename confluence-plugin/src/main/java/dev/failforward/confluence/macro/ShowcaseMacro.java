package dev.failforward.confluence.macro;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.Macro;
import dev.failforward.confluence.showcase.ShowcaseParameters;
import dev.failforward.confluence.showcase.ShowcaseRenderer;
import dev.failforward.confluence.showcase.ShowcaseSource;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * {@code failforward-showcase}: the failure showcase of a period (parameters {@code projects}, {@code period}),
 * printed on the server so that it survives Confluence's PDF and Word export and printing. Unlike the retro macro,
 * the data is fetched while the page renders ({@link ShowcaseSource}: Jira as the viewer, bounded by the link's
 * timeouts, the viewer's last good copy when Jira cannot be reached). Bad parameters render a message naming the
 * parameter and ask Jira nothing. A shell over {@link ShowcaseSource} and {@link ShowcaseRenderer}.
 *
 * <p>The output type tells page view ({@code display}: a print button) from exports ({@code pdf}, {@code word},
 * email, feeds, preview: none); the content is the same.
 */
public class ShowcaseMacro implements Macro {

    private final ShowcaseSource source;
    private final ShowcaseRenderer renderer;

    @Inject
    public ShowcaseMacro(ShowcaseSource source, ShowcaseRenderer renderer) {
        this.source = source;
        this.renderer = renderer;
    }

    @Override
    public String execute(Map<String, String> parameters, String body, ConversionContext context) {
        ShowcaseParameters parsed = ShowcaseParameters.parse(parameters);
        return renderer.render(parsed, parsed.valid() ? source.load(parsed) : null, RetroMacro.isPageView(context));
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
