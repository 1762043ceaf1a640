package com.atlassian.sal.api.auth;

import java.net.URI;

/**
 * Stand-in for {@code com.atlassian.sal.api.auth.LoginUriProvider} from {@code com.atlassian.sal:sal-api} 7.x; the
 * member as called by current admin servlets (search tool).
 */
public interface LoginUriProvider {
    URI getLoginUri(URI returnUri);
}
