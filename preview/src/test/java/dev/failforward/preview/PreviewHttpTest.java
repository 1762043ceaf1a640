package dev.failforward.preview;

import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** A preview host on a free port with its own database for each test, and a browser-like HTTP client (no redirects followed). */
abstract class PreviewHttpTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path data;

    PreviewHost host;

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

    /** Posts an HTML form (application/x-www-form-urlencoded), as the preview's pages do. */
    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(host.baseUri().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
