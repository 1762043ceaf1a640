package com.atlassian.applinks.api;

import java.net.URI;

/**
 * Stand-in for {@code com.atlassian.applinks.api.AuthorisationURIGenerator} from
 * {@code com.atlassian.applinks:applinks-api} 10.x (Platform 8: Confluence 10.2, Jira 11.3); checked against applinks-api 9.1.4
 * (decompiled, ngannk-fptu/Decompiled-Files {@code com.atlassian.applinks_applinks-api-9.1.4}; reference/atlassian-api.md §2.10).
 * Only the member Fail Forward calls (the real type also has {@code getAuthorisationURI(URI callback)}).
 */
public interface AuthorisationURIGenerator {
    /** Where the user authorises the link (the OAuth dance), without a callback; null if not supported. */
    URI getAuthorisationURI();
}
