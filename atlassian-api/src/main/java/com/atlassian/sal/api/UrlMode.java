package com.atlassian.sal.api;

/**
 * Stand-in for {@code com.atlassian.sal.api.UrlMode} from {@code com.atlassian.sal:sal-api} 7.x (Platform 8;
 * reference atlassian-api.md §2.3): how {@link ApplicationProperties#getBaseUrl(UrlMode)} spells the base URL.
 */
public enum UrlMode {
    /** The configured base URL, whatever the current request used. */
    CANONICAL,
    /** Absolute, from the current request where there is one. */
    ABSOLUTE,
    RELATIVE,
    RELATIVE_CANONICAL,
    AUTO
}
