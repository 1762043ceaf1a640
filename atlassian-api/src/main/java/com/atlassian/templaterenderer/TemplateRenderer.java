package com.atlassian.templaterenderer;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Stand-in for {@code com.atlassian.templaterenderer.TemplateRenderer} from
 * {@code com.atlassian.templaterenderer:atlassian-template-renderer-api} (Platform 8: Jira 11.3, Confluence 10.2);
 * checked against 5.0.4 (reference/atlassian-api.md §2.4). Template names are classpath-relative.
 */
public interface TemplateRenderer {
    void render(String templateName, Map<String, Object> context, Writer writer) throws RenderingException, IOException;
}
