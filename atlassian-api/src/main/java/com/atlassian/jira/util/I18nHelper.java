package com.atlassian.jira.util;

import java.util.Locale;

/**
 * Stand-in for {@code com.atlassian.jira.util.I18nHelper} (interface, {@code @PublicApi}) from
 * {@code com.atlassian.jira:jira-api} 11.3: translations of the installed plugins' i18n keys in one locale. Only the
 * members Fail Forward calls: {@code String getText(String key, Object parameters)} (parameters: an array of
 * arguments or a single one) and the nested {@link BeanFactory} (a Jira component; {@code getInstance(Locale)} gives
 * the helper of another user's language, e.g. for a mail).
 */
public interface I18nHelper {

    /** The text of {@code key} formatted with {@code parameters} (an {@code Object[]}, a {@code List} or one value). */
    String getText(String key, Object parameters);

    /** Stand-in for {@code I18nHelper.BeanFactory}: makes the helpers of given locales. */
    interface BeanFactory {

        I18nHelper getInstance(Locale locale);
    }
}
