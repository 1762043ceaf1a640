package com.atlassian.sal.api;

/**
 * Stand-in for {@code com.atlassian.sal.api.ApplicationProperties} from {@code com.atlassian.sal:sal-api} 7.x
 * (Platform 8; reference atlassian-api.md §2.3); only the member Fail Forward calls.
 */
public interface ApplicationProperties {

    /** The product's base URL in the given form, without a trailing slash (real: {@code @Nonnull}). */
    String getBaseUrl(UrlMode urlMode);
}
