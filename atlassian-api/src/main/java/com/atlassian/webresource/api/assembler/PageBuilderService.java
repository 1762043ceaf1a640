package com.atlassian.webresource.api.assembler;

/**
 * Stand-in for {@code com.atlassian.webresource.api.assembler.PageBuilderService} from
 * {@code com.atlassian.plugins:atlassian-plugins-webresource-api} (Platform 8: Jira 11.3, Confluence 10.2); checked
 * against the decompiled API of the Confluence 9.1-era jars (ngannk-fptu/Decompiled-Files) and its use by a jakarta
 * servlet on Jira 11.0 (atlassian-labs/atlassian-slack-integration-server, ViewSlackOauthSessionsServlet). The page's
 * resources for the current request: what a servlet requires here, the page's decorator writes into its head.
 */
public interface PageBuilderService {
    WebResourceAssembler assembler();
}
