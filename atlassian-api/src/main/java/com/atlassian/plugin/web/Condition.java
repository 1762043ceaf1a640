package com.atlassian.plugin.web;

import com.atlassian.plugin.PluginParseException;

import java.util.Map;

/**
 * Stand-in for {@code com.atlassian.plugin.web.Condition} from
 * {@code com.atlassian.plugins:atlassian-plugins-webfragment-api} (Platform 8), the same artifact as
 * {@link ContextProvider}; signatures as implemented by Jira's own reference plugin
 * ({@code RefPluginCommentCondition implements Condition}: {@code init(Map<String, String>) throws
 * PluginParseException}, {@code shouldDisplay(Map<String, Object>)}).
 *
 * <p>The host creates the condition through the plugin's Spring context, calls {@link #init} once with the
 * {@code <param>}s of the descriptor's {@code <condition>} element, then {@link #shouldDisplay} with the page's context
 * (on Jira's issue view: {@code "issue"} is the {@code com.atlassian.jira.issue.Issue}).
 */
public interface Condition {

    void init(Map<String, String> params) throws PluginParseException;

    boolean shouldDisplay(Map<String, Object> context);
}
