package com.atlassian.confluence.content.render.xhtml;

/**
 * Stand-in for {@code com.atlassian.confluence.content.render.xhtml.ConversionContext} from
 * {@code com.atlassian.confluence:confluence} 10.2 (Platform 8); checked against 8.7.2 (reference/atlassian-api.md §2.5).
 * Only the member Fail Forward calls.
 */
public interface ConversionContext {

    /**
     * What the content is rendered for: the value of a {@code ConversionContextOutputType} ({@code "display"} for a
     * page view; {@code "preview"}, {@code "email"}, {@code "pdf"}, {@code "word"}, {@code "feed"}
     * otherwise). Used this way by Confluence's own macros (the TOC, Details Summary and Jira
     * issues macros compare it with {@code ConversionContextOutputType.DISPLAY.value()}).
     */
    String getOutputType();
}
