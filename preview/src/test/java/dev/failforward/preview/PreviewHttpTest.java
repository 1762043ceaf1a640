package dev.failforward.preview;

import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A preview host on a free port with its own database for each test, and a browser-like HTTP client: no redirects
 * followed, cookies kept, forms posted as the preview's own pages post them (with the page's {@code Origin} and the
 * session's {@code atl_token}, see {@link PreviewCsrf}).
 */
abstract class PreviewHttpTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"atl_token\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager()).build();

    @TempDir
    Path data;

    PreviewHost host;

    private String token;

    /**
     * The embedded database; in the build's PostgreSQL run ({@code -Dfailforward.test.db=postgres}) a new database on
     * the embedded PostgreSQL, given as {@code --db-url} is.
     */
    @BeforeEach
    void startPreview() {
        host = PreviewHost.start(options(data));
    }

    static PreviewOptions options(Path data) {
        if (!TestDatabases.onPostgres()) {
            return new PreviewOptions(0, data);
        }
        return new PreviewOptions(0, data, new PreviewOptions.ExternalDatabase(TestDatabases.newPostgresDatabase(),
                TestDatabases.postgres().user(), TestDatabases.postgres().password()));
    }

    @AfterEach
    void stopPreview() {
        host.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(host.baseUri().resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Posts an HTML form (application/x-www-form-urlencoded) as the preview's pages do: from the preview's origin, with
     * the session's token (read once from a form page).
     */
    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.putIfAbsent(PreviewCsrf.FIELD, token());
        return postRaw(path, fields, Map.of("Origin", origin()));
    }

    /** Posts a form exactly as given: these fields and headers, nothing added. */
    HttpResponse<String> postRaw(String path, Map<String, String> form, Map<String, String> headers) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(host.baseUri().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(request::header);
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The preview's origin, {@code http://localhost:PORT}. */
    String origin() {
        String base = host.baseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** This client's session token, from the create screen (any form page has it). */
    String token() throws Exception {
        if (token == null) {
            Matcher m = TOKEN.matcher(get("/jira/issues/new?type=incident").body());
            if (!m.find()) {
                throw new AssertionError("the create screen has no atl_token");
            }
            token = m.group(1);
        }
        return token;
    }
}
