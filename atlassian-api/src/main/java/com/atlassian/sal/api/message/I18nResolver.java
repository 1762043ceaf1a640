package com.atlassian.sal.api.message;

import java.io.Serializable;

/**
 * Stand-in for {@code com.atlassian.sal.api.message.I18nResolver} from {@code com.atlassian.sal:sal-api} 7.x
 * (Platform 8: Jira 11.3, Confluence 10.2); checked against sal-api 5.1.4 (reference/atlassian-api.md §2.3).
 * Resolves a key in the current user's locale.
 */
public interface I18nResolver {
    String getText(String key, Serializable... arguments);
}
