package com.atlassian.confluence.content.render.xhtml;

/**
 * Stand-in for {@code com.atlassian.confluence.content.render.xhtml.ConversionContext} from
 * {@code com.atlassian.confluence:confluence} 10.2 (Platform 8); checked against 8.7.2 (reference/atlassian-api.md §2.5).
 * Fail Forward only passes it through, so no member is declared.
 */
public interface ConversionContext {
}
