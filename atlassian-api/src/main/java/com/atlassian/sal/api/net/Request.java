package com.atlassian.sal.api.net;

/**
 * Stand-in for {@code com.atlassian.sal.api.net.Request} from
 * {@code com.atlassian.sal:sal-api} 7.x (Platform 8: Confluence 10.2, Jira 11.3); checked against sal-api 5.1.4
 * (decompiled, ngannk-fptu/Decompiled-Files {@code com.atlassian.sal_sal-api-5.1.4}; reference/atlassian-api.md §2.10).
 * Only the members Fail Forward calls; the real type's {@code execute(...)} overloads are left out, as applinks
 * requests are run through {@code ApplicationLinkRequest.execute(ApplicationLinkResponseHandler)}.
 */
public interface Request<T extends Request<?, ?>, RESP extends Response> {

    /** @param connectionTimeout milliseconds */
    T setConnectionTimeout(int connectionTimeout);

    /** @param soTimeout socket (read) timeout in milliseconds */
    T setSoTimeout(int soTimeout);

    /** The body, sent with the given {@code Content-Type}. */
    T setRequestBody(String requestBody, String contentType);

    T setHeader(String headerName, String headerValue);

    enum MethodType { GET, POST, PUT, DELETE, HEAD, TRACE, OPTIONS, PATCH }
}
