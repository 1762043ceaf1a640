package com.atlassian.plugin.web;

import com.atlassian.plugin.PluginParseException;

import java.util.Map;

/**
 * Stand-in for {@code com.atlassian.plugin.web.ContextProvider} from
 * {@code com.atlassian.plugins:atlassian-plugins-webfragment-api} (Platform 8); checked against the decompiled 6.0.1
 * ({@code ngannk-fptu/Decompiled-Files} @e0c88ec5, {@code com.atlassian.plugins_atlassian-plugins-webfragment-api-6.0.1}).
 * Still imported by Atlassian's own Confluence 10.0.1 plugin ({@code atlassian-labs/atlassian-slack-integration-server}
 * @94c50dce, {@code SlackGlobalAdminDataProvider implements ContextProvider}).
 *
 * <p>The host creates the provider through the plugin's Spring context (constructor autowiring), then calls
 * {@link #init} once with the {@code <param>}s of the descriptor's {@code <context-provider>} element, then
 * {@link #getContextMap} per use.
 */
public interface ContextProvider {

    void init(Map<String, String> params) throws PluginParseException;

    Map<String, Object> getContextMap(Map<String, Object> context);
}
