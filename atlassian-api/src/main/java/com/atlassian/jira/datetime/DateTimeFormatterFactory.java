package com.atlassian.jira.datetime;

/**
 * Stand-in for {@code com.atlassian.jira.datetime.DateTimeFormatterFactory} ({@code @InjectableComponent}) from
 * {@code com.atlassian.jira:jira-api} 11.3: makes {@link DateTimeFormatter}s in Jira's default zone, locale and the
 * relative style. Only the member Fail Forward calls.
 */
public interface DateTimeFormatterFactory {

    DateTimeFormatter formatter();
}
