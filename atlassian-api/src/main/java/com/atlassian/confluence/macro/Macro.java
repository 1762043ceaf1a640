package com.atlassian.confluence.macro;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;

import java.util.Map;

/**
 * Stand-in for {@code com.atlassian.confluence.macro.Macro} from {@code com.atlassian.confluence:confluence}
 * 10.2 (Platform 8); checked against the 8.7.2 source (reference/atlassian-api.md §2.5).
 */
public interface Macro {
    String execute(Map<String, String> parameters, String body, ConversionContext context) throws MacroExecutionException;

    BodyType getBodyType();

    OutputType getOutputType();

    enum OutputType { INLINE, BLOCK }

    enum BodyType { PLAIN_TEXT, RICH_TEXT, NONE }
}
