package dev.failforward.preview.confluence;

import com.atlassian.applinks.api.ApplicationLink;
import com.atlassian.applinks.api.ApplicationLinkRequest;
import com.atlassian.applinks.api.ApplicationLinkRequestFactory;
import com.atlassian.applinks.api.ApplicationLinkResponseHandler;
import com.atlassian.applinks.api.ApplicationLinkService;
import com.atlassian.applinks.api.ApplicationType;
import com.atlassian.sal.api.net.Request;
import com.atlassian.sal.api.net.Response;
import com.atlassian.sal.api.net.ResponseException;
import com.atlassian.sal.api.net.ResponseTimeoutException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Application Links in the preview: one primary Jira link to the preview's own Jira REST API, over real HTTP, so the
 * Confluence plugin's {@code AppLinksFailureDbClient} runs unchanged (timeouts, status mapping, JSON reading). The
 * preview has one user, so the link needs no OAuth dance: requests run as the demo user, like an authorised link.
 */
public final class PreviewApplicationLinks implements ApplicationLinkService {

    private final Supplier<URI> jiraBase;
    private volatile boolean jiraReachable = true;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param jiraBase Jira's base URL (known once the server listens), e.g. {@code http://localhost:8080/} */
    public PreviewApplicationLinks(Supplier<URI> jiraBase) {
        this.jiraBase = jiraBase;
    }

    /**
     * Whether the linked Jira answers. Off, every request fails as a refused connection does: what the showcase macro
     * does when Jira is down (its viewer's copy, "as of"), shown by the preview's tests.
     */
    public void jiraReachable(boolean reachable) {
        this.jiraReachable = reachable;
    }

    @Override
    public ApplicationLink getPrimaryApplicationLink(Class<? extends ApplicationType> type) {
        return new Link();
    }

    private final class Link implements ApplicationLink {
        /** Where people open Jira: the preview itself ({@code /browse/KEY} redirects to the record's page). */
        @Override
        public URI getDisplayUrl() {
            String base = jiraBase.get().toString();
            return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        }

        @Override
        public ApplicationLinkRequestFactory createAuthenticatedRequestFactory() {
            return new Factory();
        }
    }

    private final class Factory implements ApplicationLinkRequestFactory {
        @Override
        public ApplicationLinkRequest createRequest(Request.MethodType method, String url) {
            URI base = jiraBase.get();
            URI target = url.startsWith("http://") || url.startsWith("https://") ? URI.create(url)
                    : base.resolve(url.startsWith("/") ? url.substring(1) : url);
            return new HttpLinkRequest(method, target);
        }

        @Override
        public URI getAuthorisationURI() {
            return null;
        }
    }

    private final class HttpLinkRequest implements ApplicationLinkRequest {
        private final Request.MethodType method;
        private final URI target;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration timeout = Duration.ofSeconds(10);
        private String body;

        HttpLinkRequest(Request.MethodType method, URI target) {
            this.method = method;
            this.target = target;
        }

        @Override
        public ApplicationLinkRequest setConnectionTimeout(int connectionTimeout) {
            return this; // the client's own connect timeout (2 s) is the plugin's
        }

        @Override
        public ApplicationLinkRequest setSoTimeout(int soTimeout) {
            timeout = Duration.ofMillis(soTimeout);
            return this;
        }

        @Override
        public ApplicationLinkRequest setRequestBody(String requestBody, String contentType) {
            body = requestBody;
            headers.put("Content-Type", contentType);
            return this;
        }

        @Override
        public ApplicationLinkRequest setHeader(String headerName, String headerValue) {
            headers.put(headerName, headerValue);
            return this;
        }

        @Override
        public <R> R execute(ApplicationLinkResponseHandler<R> responseHandler) throws ResponseException {
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                    .method(method.name(), body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            headers.forEach(request::header);
            // as the current user, as Application Links' impersonation does: the preview's Jira sees the same user
            request.header("Cookie", "ff-preview-user=" + dev.failforward.preview.jira.PreviewUsers.current());
            if (!jiraReachable) {
                throw new ResponseException("Connection refused", new java.net.ConnectException("Connection refused"));
            }
            HttpResponse<String> answer;
            try {
                answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpTimeoutException e) {
                throw new ResponseTimeoutException(e.getMessage(), e);
            } catch (IOException e) {
                throw new ResponseException(e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ResponseException("interrupted", e);
            }
            Response response = new Response() {
                @Override
                public int getStatusCode() {
                    return answer.statusCode();
                }

                @Override
                public String getResponseBodyAsString() {
                    return answer.body();
                }
            };
            return responseHandler.handle(response);
        }
    }
}
