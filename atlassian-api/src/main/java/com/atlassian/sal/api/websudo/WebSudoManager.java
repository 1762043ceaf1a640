package com.atlassian.sal.api.websudo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Stand-in for {@code com.atlassian.sal.api.websudo.WebSudoManager} from {@code com.atlassian.sal:sal-api} 7.x
 * (Platform 8, jakarta servlet types); members as called by current admin servlets (applinks, cluster monitoring,
 * found with the search tool).
 */
public interface WebSudoManager {
    /** Whether the request may run: web sudo is off, or the admin confirmed their password recently. */
    boolean canExecuteRequest(HttpServletRequest request);

    /** Sends the user to the "confirm your password" page, returning to this request afterwards. */
    void enforceWebSudoProtection(HttpServletRequest request, HttpServletResponse response);
}
