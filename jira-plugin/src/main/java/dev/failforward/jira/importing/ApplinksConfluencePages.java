package dev.failforward.jira.importing;

import com.atlassian.applinks.api.ApplicationLink;
import com.atlassian.applinks.api.ApplicationLinkRequest;
import com.atlassian.applinks.api.ApplicationLinkRequestFactory;
import com.atlassian.applinks.api.ApplicationLinkResponseHandler;
import com.atlassian.applinks.api.ApplicationLinkService;
import com.atlassian.applinks.api.CredentialsRequiredException;
import com.atlassian.applinks.api.application.confluence.ConfluenceApplicationType;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.net.Request;
import com.atlassian.sal.api.net.Response;
import com.atlassian.sal.api.net.ResponseException;
import com.atlassian.sal.api.net.ResponseTimeoutException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@link ConfluencePageSource} over the primary Confluence application link, as the current user (the link's default
 * authentication, OAuth on Platform 8): Confluence's content search
 * {@code GET /rest/api/content/search?cql=…&expand=body.storage,version,space&start=…&limit=…}, page after page (50 at
 * a time) until {@code max} pages or the last page. Timeouts 5 s to connect and 20 s per answer (a page of 50 bodies).
 *
 * <p>Every way this can fail becomes a {@link ConfluenceUnavailableException} naming why: no link; the user has not
 * authorised the link ({@code CredentialsRequiredException} from {@code createRequest}, the handler's
 * {@code credentialsRequired}, or a 401) with the link's authorisation address; 403, 404, 400 (the CQL; Confluence's
 * message kept), a timeout, another status, or an answer that is not the search's JSON.
 */
@Named
public class ApplinksConfluencePages implements ConfluencePageSource {

    static final int PAGE_SIZE = 50;
    static final int CONNECTION_TIMEOUT_MILLIS = 5_000;
    static final int SOCKET_TIMEOUT_MILLIS = 20_000;
    static final String SEARCH = "/rest/api/content/search";

    private static final Logger LOG = LoggerFactory.getLogger(ApplinksConfluencePages.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApplicationLinkService links;

    @Inject
    public ApplinksConfluencePages(@ComponentImport ApplicationLinkService links) {
        this.links = Objects.requireNonNull(links, "links");
    }

    @Override
    public List<Page> pages(PageQuery query) {
        ApplicationLink link;
        try {
            link = links.getPrimaryApplicationLink(ConfluenceApplicationType.class);
        } catch (RuntimeException e) {
            LOG.warn("Fail Forward import: the Confluence application link could not be read", e);
            throw new ConfluenceUnavailableException(Problem.NO_LINK, null, null);
        }
        if (link == null) {
            throw new ConfluenceUnavailableException(Problem.NO_LINK, null, null);
        }
        ApplicationLinkRequestFactory factory = link.createAuthenticatedRequestFactory();
        if (factory == null) {
            throw new ConfluenceUnavailableException(Problem.UNAVAILABLE, null,
                    "the Confluence application link has no authentication configured");
        }
        List<Page> pages = new ArrayList<>();
        int start = 0;
        // bounded even if Confluence keeps saying there is more: every answer that goes on has a page, and Confluence
        // may give fewer than asked per answer (it caps the limit when bodies are expanded), so the bound is max itself
        for (int request = 0; pages.size() < query.max() && request < query.max(); request++) {
            int limit = Math.min(PAGE_SIZE, query.max() - pages.size());
            JsonNode answer = get(factory, SEARCH + "?cql=" + encode(query.cql())
                    + "&expand=" + encode("body.storage,version,space") + "&start=" + start + "&limit=" + limit);
            JsonNode results = answer.path("results");
            if (!results.isArray()) {
                throw new ConfluenceUnavailableException(Problem.UNAVAILABLE, null,
                        "Confluence's answer has no search results");
            }
            String base = answer.path("_links").path("base").asText("");
            for (JsonNode result : results) {
                String id = result.path("id").asText("");
                if (id.isBlank() || pages.size() >= query.max()) {
                    continue;
                }
                pages.add(new Page(id, text(result.path("title")),
                        address(base, result.path("_links").path("webui").asText(""), link, id),
                        text(result.path("body").path("storage").path("value"))));
            }
            boolean more = answer.path("_links").hasNonNull("next") || results.size() >= limit;
            if (results.isEmpty() || !more) {
                break;
            }
            start += results.size();
        }
        return List.copyOf(pages);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    /**
     * Where people open the page: the answer's {@code _links.base} + the page's {@code webui}, else the link's display
     * URL + {@code webui}, else the link's {@code /pages/viewpage.action?pageId=}; only an absolute http(s) address.
     */
    static String address(String base, String webui, ApplicationLink link, String id) {
        String root = base;
        if (root == null || root.isBlank()) {
            URI display = link.getDisplayUrl();
            root = display == null ? "" : display.toString();
        }
        root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        String path = webui == null || webui.isBlank() ? "/pages/viewpage.action?pageId=" + encode(id) : webui;
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        String url = root + (path.startsWith("/") ? path : "/" + path);
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? url : null;
    }

    private JsonNode get(ApplicationLinkRequestFactory factory, String url) {
        try {
            ApplicationLinkRequest request = factory.createRequest(Request.MethodType.GET, url);
            request.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
            request.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            request.setHeader("Accept", "application/json");
            return request.execute(new Handler(factory));
        } catch (CredentialsRequiredException e) {
            throw authorization(e.getAuthorisationURI());
        } catch (ResponseException e) {
            if (isTimeout(e)) {
                throw new ConfluenceUnavailableException(Problem.TIMEOUT, null, "no answer within "
                        + SOCKET_TIMEOUT_MILLIS / 1000 + " s");
            }
            LOG.warn("Fail Forward import: Confluence could not be reached: {}", e.getMessage());
            throw new ConfluenceUnavailableException(Problem.UNAVAILABLE, null, e.getMessage());
        } catch (ConfluenceUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Fail Forward import: unexpected error asking Confluence for pages", e);
            throw new ConfluenceUnavailableException(Problem.UNAVAILABLE, null, "unexpected error");
        }
    }

    private static ConfluenceUnavailableException authorization(URI uri) {
        return uri == null ? new ConfluenceUnavailableException(Problem.UNAVAILABLE, null,
                "Confluence asks for credentials the application link cannot obtain")
                : new ConfluenceUnavailableException(Problem.AUTHORIZATION_REQUIRED, uri, null);
    }

    /** Maps Confluence's answer: the search's JSON, or why not. */
    private static final class Handler implements ApplicationLinkResponseHandler<JsonNode> {
        private final ApplicationLinkRequestFactory factory;

        Handler(ApplicationLinkRequestFactory factory) {
            this.factory = factory;
        }

        @Override
        public JsonNode credentialsRequired(Response response) {
            throw authorization(factory.getAuthorisationURI());
        }

        @Override
        public JsonNode handle(Response response) throws ResponseException {
            int status = response.getStatusCode();
            if (status >= 200 && status < 300) {
                try {
                    JsonNode node = JSON.readTree(response.getResponseBodyAsString());
                    if (node == null || !node.isObject()) {
                        throw new ConfluenceUnavailableException(Problem.UNAVAILABLE, null,
                                "Confluence's answer is not the search's JSON");
                    }
                    return node;
                } catch (IOException e) {
                    throw new ConfluenceUnavailableException(Problem.UNAVAILABLE, null,
                            "Confluence's answer is not JSON");
                }
            }
            throw switch (status) {
                case 400 -> new ConfluenceUnavailableException(Problem.BAD_QUERY, null, message(response));
                case 401 -> authorization(factory.getAuthorisationURI());
                case 403 -> new ConfluenceUnavailableException(Problem.FORBIDDEN, null, null);
                case 404 -> new ConfluenceUnavailableException(Problem.NOT_FOUND, null, null);
                default -> new ConfluenceUnavailableException(Problem.UNAVAILABLE, null,
                        "Confluence answered HTTP " + status);
            };
        }

        /** Confluence's own error message ({@code {"message": "…"}}), short; or nothing. */
        private static String message(Response response) {
            try {
                String message = JSON.readTree(response.getResponseBodyAsString()).path("message").asText("");
                return message.length() > 300 ? message.substring(0, 300) + "…" : message;
            } catch (IOException | ResponseException | RuntimeException e) {
                return "";
            }
        }
    }

    static boolean isTimeout(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof ResponseTimeoutException || t instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
