package dev.failforward.confluence.jira;

import com.atlassian.applinks.api.ApplicationLink;
import com.atlassian.applinks.api.ApplicationLinkRequest;
import com.atlassian.applinks.api.ApplicationLinkRequestFactory;
import com.atlassian.applinks.api.ApplicationLinkResponseHandler;
import com.atlassian.applinks.api.ApplicationLinkService;
import com.atlassian.applinks.api.CredentialsRequiredException;
import com.atlassian.applinks.api.application.jira.JiraApplicationType;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.net.Request.MethodType;
import com.atlassian.sal.api.net.Response;
import com.atlassian.sal.api.net.ResponseException;
import com.atlassian.sal.api.net.ResponseTimeoutException;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import dev.failforward.confluence.jira.FailureDbJson.BodyReader;
import dev.failforward.confluence.jira.FailureDbJson.UnreadableBodyException;
import dev.failforward.core.record.SourcePage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link FailureDbClient} over Application Links: the primary Jira link, a request factory that authenticates as the
 * current user (OAuth on Platform 8), JSON in and out, short timeouts, and a {@link ReadCache} for reads.
 *
 * <p>How each failure comes back (never as an exception, never with a stack trace in the result):
 * <ul>
 *   <li>no primary Jira link → {@link JiraResult.NoLink} with the applinks admin page;</li>
 *   <li>{@link CredentialsRequiredException} from {@code createRequest}, the handler's {@code credentialsRequired}, or a
 *       401 → {@link JiraResult.AuthorizationRequired} with the link's authorisation URI;</li>
 *   <li>{@link ResponseException} (Jira down, connection refused, timeout), a 5xx or other unexpected status, a body
 *       that is not the promised JSON, or an unexpected runtime error inside applinks → {@link JiraResult.Unavailable};</li>
 *   <li>404 → {@link JiraResult.NotFound}, 403 → {@link JiraResult.Forbidden}, 400 → {@link JiraResult.Invalid} with
 *       Jira's field errors.</li>
 * </ul>
 * Only successful reads are cached; a write (whatever its outcome: a timed-out write may still have been done) drops
 * the record's entries. To add a call, add one method that names its path, its cache tag and its {@link BodyReader},
 * as {@link #searchLearnings} does.
 */
@Named
public class AppLinksFailureDbClient implements FailureDbClient {

    /** Where the Jira plugin's REST API lives, relative to the link's RPC URL. */
    static final String REST_BASE = "/rest/failforward/1.0";
    /** Confluence's page for adding an application link, relative to Confluence's base URL. */
    static final String APPLINKS_ADMIN_URL = "/plugins/servlet/applinks/listApplicationLinks";
    static final int CONNECTION_TIMEOUT_MILLIS = 2_000;
    static final int SOCKET_TIMEOUT_MILLIS = 4_000;
    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    static final int CACHE_MAX_ENTRIES = 500;

    private static final Logger LOG = LoggerFactory.getLogger(AppLinksFailureDbClient.class);
    private static final String JSON = "application/json";
    private static final int MAX_REASON_DETAIL = 200;
    private static final Pattern EXCEPTION_PREFIX = Pattern.compile("^(?:[\\w$]+\\.)+[\\w$]*(?:Exception|Error):\\s*");

    private final ApplicationLinkService links;
    private final UserManager users;
    private final ReadCache cache;

    @Inject
    public AppLinksFailureDbClient(@ComponentImport ApplicationLinkService links,
                                   @ComponentImport("salUserManager") @Named("salUserManager") UserManager users) {
        this(links, users, Clock.systemUTC());
    }

    /** For tests: the cache's clock. */
    AppLinksFailureDbClient(ApplicationLinkService links, UserManager users, Clock clock) {
        this.links = Objects.requireNonNull(links, "links");
        this.users = Objects.requireNonNull(users, "users");
        this.cache = new ReadCache(clock, CACHE_TTL, CACHE_MAX_ENTRIES);
    }

    @Override
    public JiraResult<RecordView> record(String issueKey) {
        if (isBlank(issueKey)) {
            return new JiraResult.NotFound<>();
        }
        return get(recordPath(issueKey), issueKey, FailureDbJson::recordView);
    }

    @Override
    public JiraResult<LearningView> addLearning(String issueKey, String text, String kind, SourcePage source) {
        if (isBlank(issueKey)) {
            return new JiraResult.NotFound<>();
        }
        return post(recordPath(issueKey) + "/learnings", FailureDbJson.learningBody(text, kind, source), issueKey,
                FailureDbJson::learning);
    }

    @Override
    public JiraResult<ActionView> addAction(String issueKey, NewAction action) {
        Objects.requireNonNull(action, "action");
        if (isBlank(issueKey)) {
            return new JiraResult.NotFound<>();
        }
        return post(recordPath(issueKey) + "/actions", FailureDbJson.actionBody(action), issueKey,
                FailureDbJson::action);
    }

    @Override
    public JiraResult<LearningPageView> searchLearnings(LearningSearch search) {
        Objects.requireNonNull(search, "search");
        return get("/learnings?" + search.queryString(), ReadCache.ANY_RECORD, FailureDbJson::learningPage)
                .map(page -> page.withJiraUrl(displayUrl()));
    }

    @Override
    public JiraResult<SimilarView> similar(String issueKey, int max) {
        if (isBlank(issueKey)) {
            return new JiraResult.NotFound<>();
        }
        return similar(issueKey, max, 0);
    }

    @Override
    public JiraResult<SimilarView> similar(String issueKey, int max, long citingPageId) {
        if (isBlank(issueKey)) {
            return new JiraResult.NotFound<>();
        }
        // tagged as a search: the neighbours of a record change with a write to any record (and a citation)
        return get("/similar/" + pathSegment(issueKey) + "?max=" + max + "&withLearnings=true"
                        + (citingPageId > 0 ? "&reusedBy=page:" + citingPageId : ""), ReadCache.ANY_RECORD,
                FailureDbJson::similar)
                .map(similar -> similar.withJiraUrl(displayUrl()));
    }

    @Override
    public JiraResult<CitationView> citeLearning(long learningId, long pageId) {
        if (learningId <= 0 || pageId <= 0) {
            return new JiraResult.NotFound<>();
        }
        try {
            return call(MethodType.POST, "/learnings/" + learningId + "/reuses", FailureDbJson.citationBody(pageId),
                    (status, body) -> FailureDbJson.citation(body, status == 201));
        } finally {
            cache.invalidate(ReadCache.ANY_RECORD); // the similar failures say which learnings a page cited
        }
    }

    @Override
    public JiraResult<ShowcaseView> showcase(String query) {
        Objects.requireNonNull(query, "query");
        // not through the read cache: the macro keeps its own copy with the time it was fetched, so that a copy is
        // never printed as if it were Jira's answer of now
        return call(MethodType.GET, "/showcase" + (query.isEmpty() ? "" : "?" + query), null, ShowcaseJsonReader::read)
                .map(showcase -> showcase.withJiraUrl(displayUrl()));
    }

    @Override
    public JiraResult<HuddleBoardView> huddleBoard(List<String> projects) {
        if (projects == null || projects.isEmpty()) {
            return new JiraResult.NotFound<>();
        }
        // not through the read cache: marking the huddle held changes the board at once, and no record write says so
        return call(MethodType.GET, "/huddles/board?projects=" + queryValue(String.join(",", projects)), null,
                HuddleJsonReader::board).map(board -> board.withJiraUrl(displayUrl()));
    }

    @Override
    public JiraResult<HuddleHeldView> holdHuddle(List<String> projects, String note) {
        if (projects == null || projects.isEmpty()) {
            return new JiraResult.NotFound<>();
        }
        return call(MethodType.POST, "/huddles", HuddleJsonReader.holdBody(projects, note), HuddleJsonReader::marked);
    }

    // ----- the two shapes of call -----------------------------------------------------------------------------------

    /** A cached read; {@code tag} is the record the answer shows ({@link ReadCache#ANY_RECORD} for a search). */
    private <T> JiraResult<T> get(String path, String tag, BodyReader<T> reader) {
        ReadCache.Key key = new ReadCache.Key(currentUserKey(), path);
        Optional<JiraResult<T>> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        long generation = cache.generation();
        JiraResult<T> result = call(MethodType.GET, path, null, reader);
        if (result.isOk()) {
            cache.put(key, tag, result, generation);
        }
        return result;
    }

    /** A write of a JSON body; drops the cached reads of the record it changes. */
    private <T> JiraResult<T> post(String path, String body, String recordKey, BodyReader<T> reader) {
        try {
            return call(MethodType.POST, path, body, reader);
        } finally {
            cache.invalidate(recordKey);
        }
    }

    private <T> JiraResult<T> call(MethodType method, String path, String body, BodyReader<T> reader) {
        return call(method, path, body, (status, json) -> reader.read(json));
    }

    /** A body reader that also sees the 2xx status (201 created or 200 already there). */
    @FunctionalInterface
    private interface StatusBodyReader<T> {
        T read(int status, com.fasterxml.jackson.databind.JsonNode body) throws UnreadableBodyException;
    }

    private <T> JiraResult<T> call(MethodType method, String path, String body, StatusBodyReader<T> reader) {
        try {
            ApplicationLink link = links.getPrimaryApplicationLink(JiraApplicationType.class);
            if (link == null) {
                return new JiraResult.NoLink<>(APPLINKS_ADMIN_URL);
            }
            ApplicationLinkRequestFactory factory = link.createAuthenticatedRequestFactory();
            if (factory == null) {
                return unavailable(method, path, "the Jira application link has no authentication configured");
            }
            ApplicationLinkRequest request = factory.createRequest(method, REST_BASE + path);
            request.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
            request.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            request.setHeader("Accept", JSON);
            if (body != null) {
                request.setRequestBody(body, JSON); // sets Content-Type: application/json (REST v2 answers 415 otherwise)
            }
            return request.execute(new Handler<>(factory, method, path, reader));
        } catch (CredentialsRequiredException e) {
            return authorizationRequired(e.getAuthorisationURI(), method, path);
        } catch (ResponseException e) {
            return isTimeout(e)
                    ? unavailable(method, path, "Jira timed out (limits: " + CONNECTION_TIMEOUT_MILLIS / 1000
                            + " s to connect, " + SOCKET_TIMEOUT_MILLIS / 1000 + " s to answer)")
                    : unavailable(method, path, "Jira could not be reached" + detail(e));
        } catch (RuntimeException e) {
            // applinks or the OAuth layer failing in a way it does not declare: a page must still render
            LOG.warn("Fail Forward: unexpected error calling Jira {} {}", method, path, e);
            return new JiraResult.Unavailable<>("unexpected error while calling Jira");
        }
    }

    /** Maps Jira's answer; {@code credentialsRequired} is what applinks calls when the user must authorise the link. */
    private static final class Handler<T> implements ApplicationLinkResponseHandler<JiraResult<T>> {
        private final ApplicationLinkRequestFactory factory;
        private final MethodType method;
        private final String path;
        private final StatusBodyReader<T> reader;

        Handler(ApplicationLinkRequestFactory factory, MethodType method, String path, StatusBodyReader<T> reader) {
            this.factory = factory;
            this.method = method;
            this.path = path;
            this.reader = reader;
        }

        @Override
        public JiraResult<T> credentialsRequired(Response response) {
            return authorizationRequired(factory.getAuthorisationURI(), method, path);
        }

        @Override
        public JiraResult<T> handle(Response response) throws ResponseException {
            int status = response.getStatusCode();
            if (status >= 200 && status < 300) {
                try {
                    return new JiraResult.Ok<>(reader.read(status,
                            FailureDbJson.parse(response.getResponseBodyAsString())));
                } catch (UnreadableBodyException e) {
                    return unavailable(method, path, "Jira's answer could not be read (" + e.getMessage() + ")");
                }
            }
            return switch (status) {
                case 400 -> new JiraResult.Invalid<>(FailureDbJson.problems(response.getResponseBodyAsString()));
                case 401 -> authorizationRequired(factory.getAuthorisationURI(), method, path);
                case 403 -> new JiraResult.Forbidden<>();
                case 404 -> new JiraResult.NotFound<>();
                default -> unavailable(method, path, "Jira answered HTTP " + status);
            };
        }
    }

    // ----- helpers --------------------------------------------------------------------------------------------------

    /**
     * The primary Jira link's display URL (where people open Jira's pages), or null. Read on every answer, cached or
     * not: an administrator's change of the link shows at once.
     */
    private URI displayUrl() {
        try {
            ApplicationLink link = links.getPrimaryApplicationLink(JiraApplicationType.class);
            return link == null ? null : link.getDisplayUrl();
        } catch (RuntimeException e) {
            LOG.debug("Fail Forward: the Jira link's display URL could not be read", e);
            return null;
        }
    }

    private String currentUserKey() {
        UserKey user = users.getRemoteUserKey();
        return user == null ? "" : user.getStringValue();
    }

    private static <T> JiraResult<T> authorizationRequired(URI authorizeUri, MethodType method, String path) {
        if (authorizeUri == null) {
            return unavailable(method, path, "Jira asks for credentials the application link cannot obtain"
                    + " (an administrator should check the link's authentication)");
        }
        return new JiraResult.AuthorizationRequired<>(authorizeUri);
    }

    private static <T> JiraResult<T> unavailable(MethodType method, String path, String reason) {
        LOG.warn("Fail Forward: Jira failure database {} {}: {}", method, path, reason);
        return new JiraResult.Unavailable<>(reason);
    }

    /**
     * Whether the exception (or a cause) is a timeout: SAL's {@link ResponseTimeoutException} or the transport's own
     * ({@link java.net.SocketTimeoutException}, HttpClient's {@code ConnectTimeoutException}: both
     * {@link InterruptedIOException}s), which applinks may pass on wrapped in a plain {@link ResponseException}.
     */
    static boolean isTimeout(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof ResponseTimeoutException || t instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * ": " and the exception's message on one short line, without the exception class names a wrapped cause puts in
     * front ({@code java.net.ConnectException: Connection refused} → {@code Connection refused}); or nothing.
     */
    static String detail(Throwable e) {
        String message = e.getMessage();
        String line = message == null ? "" : message.strip().lines().findFirst().orElse("");
        String previous;
        do {
            previous = line;
            line = EXCEPTION_PREFIX.matcher(line).replaceFirst("").strip();
        } while (!line.equals(previous));
        if (line.isEmpty()) {
            return "";
        }
        return ": " + (line.length() > MAX_REASON_DETAIL ? line.substring(0, MAX_REASON_DETAIL) + "…" : line);
    }

    private static String recordPath(String issueKey) {
        return "/records/" + pathSegment(issueKey);
    }

    /** The key as one percent-encoded path segment (a space is {@code %20}). */
    private static String pathSegment(String issueKey) {
        return queryValue(issueKey.strip());
    }

    /** A path segment's or query parameter's value, percent-encoded (a space is {@code %20}). */
    private static String queryValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
